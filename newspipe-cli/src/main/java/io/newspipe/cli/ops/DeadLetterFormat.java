package io.newspipe.cli.ops;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Renders dead letters for {@code dlq list}: an aligned table for people, JSON for scripts. */
final class DeadLetterFormat {

    private static final int REASON_WIDTH = 60;

    private DeadLetterFormat() {
    }

    static void table(PrintWriter out, List<DeadLetter> letters, Map<String, String> marks) {
        String[] header = {"DLQ", "KEY", "STAGE", "KIND", "REASON", "EXCEPTION", "READ FROM", "FAILED AT", "REDRIVEN"};
        String[][] rows = new String[letters.size()][];
        for (int i = 0; i < letters.size(); i++) {
            DeadLetter d = letters.get(i);
            rows[i] = new String[] {d.position().toString(), orDash(d.keyText()), orDash(d.stage()), orDash(d.kind()),
                orDash(abbreviate(oneLine(d.why()), REASON_WIDTH)), orDash(simpleName(d.exceptionClass())),
                orDash(d.origin()), orDash(d.failedAt()),
                RedriveLedger.markOf(marks, d.position()).map(m -> "yes").orElse("no")};
        }
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        printRow(out, header, width);
        for (String[] row : rows) {
            printRow(out, row, width);
        }
    }

    private static void printRow(PrintWriter out, String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            line.append(c == cells.length - 1 ? cells[c] : pad(cells[c], width[c]));
        }
        out.println(line);
    }

    /** A JSON array, one object per dead letter; absent values are null. */
    static void json(PrintWriter out, List<DeadLetter> letters, Map<String, String> marks) {
        out.println("[");
        for (int i = 0; i < letters.size(); i++) {
            DeadLetter d = letters.get(i);
            String redriven = RedriveLedger.markOf(marks, d.position()).orElse(null);
            out.print("  {\"topic\": " + str(d.position().topic()) + ", \"partition\": " + d.position().partition()
                    + ", \"offset\": " + d.position().offset() + ", \"key\": " + str(d.keyText())
                    + ", \"stage\": " + str(d.stage()) + ", \"kind\": " + str(d.kind())
                    + ", \"reason\": " + str(d.reason()) + ", \"message\": " + str(d.message())
                    + ", \"exception\": " + str(d.exceptionClass())
                    + ", \"originTopic\": " + str(d.originTopic()) + ", \"originPartition\": " + d.originPartition()
                    + ", \"originOffset\": " + d.originOffset() + ", \"failedAt\": " + str(d.failedAt())
                    + ", \"redriven\": " + (redriven != null) + ", \"redrivenTo\": " + str(redriven) + "}");
            out.println(i < letters.size() - 1 ? "," : "");
        }
        out.println("]");
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String simpleName(String className) {
        return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
    }

    private static String oneLine(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
