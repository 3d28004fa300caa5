package dev.chipevents.event;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an event's amount measures. Amounts of different kinds are never added together (a market value
 * lost is no award), and each event type allows only the kinds that make sense for it ({@link #allowedFor}).
 * Amounts are never negative: which way a market value moved is the kind, LOSS or GAIN.
 */
@Schema(name = "AmountKind", description = """
        What `amount` measures. MARKET_VALUE_LOSS / MARKET_VALUE_GAIN: market capitalisation lost or gained in the move \
        (STOCK_MOVE); DEAL_VALUE: the price of an acquisition or deal; AWARD: a government grant, loan or award to a \
        recipient; INVESTMENT: money invested or pledged; IPO_PROCEEDS: money raised by an offering; VALUATION: what a \
        company is valued at (or seeks); COST: a cost claimed or incurred (a model's training, a fab); FUNDING_PROGRAM: \
        the total a law or public programme provides; FINE: a penalty imposed; OTHER: anything else.""")
public enum AmountKind {

    MARKET_VALUE_LOSS,
    MARKET_VALUE_GAIN,
    DEAL_VALUE,
    AWARD,
    INVESTMENT,
    IPO_PROCEEDS,
    VALUATION,
    COST,
    FUNDING_PROGRAM,
    FINE,
    OTHER;

    /** The kinds of amount an event of the type may have; OTHER for every type. */
    public static Set<AmountKind> allowedFor(EventType type) {
        return switch (type) {
            case STOCK_MOVE -> EnumSet.of(MARKET_VALUE_LOSS, MARKET_VALUE_GAIN, OTHER);
            case IPO -> EnumSet.of(IPO_PROCEEDS, VALUATION, OTHER);
            case GOVERNMENT_AWARD -> EnumSet.of(AWARD, OTHER);
            case EXPORT_CONTROL -> EnumSet.of(FINE, OTHER);
            case POLICY -> EnumSet.of(FUNDING_PROGRAM, OTHER);
            case REGULATORY_ACTION -> EnumSet.of(FINE, DEAL_VALUE, OTHER);
            case INVESTMENT -> EnumSet.of(INVESTMENT, VALUATION, OTHER);
            case ACQUISITION -> EnumSet.of(DEAL_VALUE, OTHER);
            case PARTNERSHIP -> EnumSet.of(DEAL_VALUE, INVESTMENT, OTHER);
            case PRODUCT_LAUNCH -> EnumSet.of(COST, OTHER);
            case MANUFACTURING -> EnumSet.of(INVESTMENT, COST, OTHER);
            case OTHER -> EnumSet.allOf(AmountKind.class);
        };
    }

    /**
     * The kind an amount recorded before kinds existed is given (the same rule as migration V10): the
     * direction of a stock move's percent change, the one clear kind of a type, OTHER where unclear.
     */
    public static AmountKind inferred(EventType type, BigDecimal percentChange) {
        return switch (type) {
            case STOCK_MOVE -> percentChange == null || percentChange.signum() == 0 ? OTHER
                    : percentChange.signum() < 0 ? MARKET_VALUE_LOSS : MARKET_VALUE_GAIN;
            case GOVERNMENT_AWARD -> AWARD;
            case INVESTMENT -> INVESTMENT;
            case ACQUISITION -> DEAL_VALUE;
            default -> OTHER;
        };
    }

    /** True for the kinds that say which way a market value moved. */
    public boolean isMarketValueMove() {
        return this == MARKET_VALUE_LOSS || this == MARKET_VALUE_GAIN;
    }
}
