package dev.chipevents.common.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.http.HttpServerRequest;

import dev.chipevents.common.http.HttpSettings;

/**
 * The client's address, for limits per address. It is the peer of the connection, unless the peer is one of
 * the trusted proxies (CHIP_EVENTS_TRUSTED_PROXIES): then the Forwarded (RFC 7239) or X-Forwarded-For
 * chain is read from the right, past every trusted proxy, and the first address not trusted is the client.
 * Entries left of it were written by the client itself and are never believed.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern FORWARDED_FOR = Pattern.compile("(?i)(?:^|[;,\\s])for\\s*=\\s*(\"[^\"]*\"|[^;,\\s]+)");
    private static final int MAX_KEY_LENGTH = 64;

    private final List<IpSubnetFilterRule> trusted = new ArrayList<>();

    public ClientAddresses(HttpSettings http) {
        for (String entry : http.trustedProxies().orElse(List.of())) {
            if (!entry.isBlank()) {
                trusted.add(rule(entry.strip()));
            }
        }
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        return of(peer, request.headers().getAll("Forwarded"), request.headers().getAll("X-Forwarded-For"));
    }

    /** The client behind a connection from this peer that carried these Forwarded and X-Forwarded-For lines. */
    public String of(String peer, List<String> forwarded, List<String> xForwardedFor) {
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwardedChain(forwarded, xForwardedFor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    public boolean isTrusted(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null || trusted.isEmpty()) {
            return false;
        }
        try {
            InetSocketAddress socket = new InetSocketAddress(InetAddress.getByAddress(bytes), 0);
            return trusted.stream().anyMatch(rule -> rule.matches(socket));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The addresses the proxies recorded, client first: Forwarded's for= values, else X-Forwarded-For's. */
    private static List<String> forwardedChain(List<String> forwarded, List<String> xForwardedFor) {
        List<String> chain = new ArrayList<>();
        for (String line : forwarded) {
            Matcher matcher = FORWARDED_FOR.matcher(line);
            while (matcher.find()) {
                chain.add(hostOf(matcher.group(1)));
            }
        }
        if (chain.isEmpty()) {
            for (String line : xForwardedFor) {
                for (String hop : line.split(",")) {
                    if (!hop.isBlank()) {
                        chain.add(hostOf(hop));
                    }
                }
            }
        }
        return chain;
    }

    /** "192.0.2.1:4711", "[2001:db8::1]:4711" or "\"[2001:db8::1]\"" as the bare address; other tokens kept short. */
    private static String hostOf(String hop) {
        String host = hop.strip();
        if (host.length() >= 2 && host.startsWith("\"") && host.endsWith("\"")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end > 0 ? host.substring(1, end) : host;
        } else if (host.indexOf(':') > 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.indexOf(':'));
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.length() > MAX_KEY_LENGTH ? host.substring(0, MAX_KEY_LENGTH) : host;
    }

    private static IpSubnetFilterRule rule(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            throw new IllegalArgumentException("CHIP_EVENTS_TRUSTED_PROXIES: '" + entry + "' is no IP address or CIDR block");
        }
        try {
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            return new IpSubnetFilterRule(InetAddress.getByAddress(bytes), prefix, IpFilterRuleType.ACCEPT);
        } catch (NumberFormatException | UnknownHostException e) {
            throw new IllegalArgumentException("CHIP_EVENTS_TRUSTED_PROXIES: '" + entry + "' is no IP address or CIDR block", e);
        }
    }
}
