package dev.chipevents.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The README's examples, run as a newcomer runs them: every bash block marked {@code <!-- readme-test -->},
 * in order, in one shell, against the packaged app started on a fresh data folder with an admin key the
 * shell knows. Each command must answer what the {@code # =>} lines under it show (each a part of the
 * answer). The only change to the commands is the port of the address the README names.
 */
class ReadmeExamplesIT {

    private static final String MARKER = "<!-- readme-test -->";
    private static final String EXPECT = "# => ";

    /** One command of a block (possibly over several lines) and what its answer must contain. */
    record Step(String command, List<String> expected) {
    }

    @Test
    void everyExampleAnswersWhatTheReadmeShows() throws Exception {
        List<Step> steps = steps(Files.readString(Path.of("README.md")));
        assertTrue(steps.size() >= 20, "marked README examples found: " + steps.size());
        String adminKey = "readme-admin-key-" + UUID.randomUUID();
        Path work = Files.createTempDirectory("chip-events-readme");
        copyExamples(work);
        try (PackagedApp app = PackagedApp.startFresh(Files.createTempDirectory("chip-events-readme-data"),
                Map.of("CHIP_EVENTS_ADMIN_KEY", adminKey))) {
            StringBuilder script = new StringBuilder("export CHIP_EVENTS_ADMIN_KEY='" + adminKey + "'\nmkdir -p .out\n");
            for (int i = 0; i < steps.size(); i++) {
                String command = steps.get(i).command().replace("http://localhost:8080", app.baseUri());
                script.append("{\n").append(command).append("\n} > .out/").append(i).append(" 2>&1\n");
            }
            Files.writeString(work.resolve("readme.sh"), script.toString());
            Process bash = new ProcessBuilder("bash", "readme.sh").directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("bash.log").toFile()).start();
            if (!bash.waitFor(5, TimeUnit.MINUTES)) {
                bash.destroyForcibly();
                fail("the README's examples did not finish within 5 minutes");
            }
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                String answer = Files.readString(work.resolve(".out").resolve(String.valueOf(i)), StandardCharsets.UTF_8);
                for (String expected : step.expected()) {
                    if (!answer.contains(expected)) {
                        failures.add("$ " + step.command() + "\n  expected to contain: " + expected + "\n  answered: "
                                + (answer.length() > 1500 ? answer.substring(0, 1500) + "..." : answer));
                    }
                }
            }
            if (!failures.isEmpty()) {
                fail(failures.size() + " README example(s) no longer answer what the README shows:\n\n" + String.join("\n\n", failures));
            }
        }
    }

    /** The commands of the marked blocks, in order; a command continues over lines ending in `\` or inside quotes. */
    static List<Step> steps(String readme) {
        List<Step> steps = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].strip().equals(MARKER)) {
                continue;
            }
            i += 2; // the marker, then the ```bash line
            StringBuilder command = null;
            List<String> expected = new ArrayList<>();
            for (; i < lines.length && !lines[i].startsWith("```"); i++) {
                String line = lines[i];
                if (command != null && !complete(command)) {
                    command.append('\n').append(line);
                } else if (line.startsWith(EXPECT)) {
                    expected.add(line.substring(EXPECT.length()));
                } else if (line.isBlank() || line.startsWith("#")) {
                    continue;
                } else {
                    if (command != null) {
                        steps.add(new Step(command.toString(), expected));
                        expected = new ArrayList<>();
                    }
                    command = new StringBuilder(line);
                }
            }
            if (command != null) {
                steps.add(new Step(command.toString(), expected));
            }
        }
        return steps;
    }

    /** A command is complete when its last line does not continue it and its single quotes are closed. */
    private static boolean complete(StringBuilder command) {
        String text = command.toString();
        long quotes = text.chars().filter(c -> c == '\'').count();
        return !text.endsWith("\\") && quotes % 2 == 0;
    }

    private static void copyExamples(Path work) throws Exception {
        Path examples = work.resolve("examples");
        Files.createDirectories(examples);
        try (var files = Files.list(Path.of("examples"))) {
            for (Path file : files.toList()) {
                Files.copy(file, examples.resolve(file.getFileName()));
            }
        }
    }
}
