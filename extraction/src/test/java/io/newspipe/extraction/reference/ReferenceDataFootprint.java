package io.newspipe.extraction.reference;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Prints what the reference data costs: load time of each lookup on first use, heap retained, and lookups per second.
 * A measurement, not a test; run in a fresh JVM so that the first use is the load:
 *
 * <pre>
 * java -cp extraction/target/classes:extraction/target/test-classes:$(cat /tmp/ex.cp) \
 *     io.newspipe.extraction.reference.ReferenceDataFootprint
 * </pre>
 */
public final class ReferenceDataFootprint {

    private ReferenceDataFootprint() {
    }

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // CPU time of this thread: on a shared machine wall time says more about the neighbours than about the code
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long heap0 = usedAfterGc(memory);
        long w0 = System.nanoTime();
        long t0 = cpu.getCurrentThreadCpuTime();
        AdminUnits units = AdminUnits.get();
        long t1 = cpu.getCurrentThreadCpuTime();
        Countries countries = Countries.get();
        long t2 = cpu.getCurrentThreadCpuTime();
        CentralBodies bodies = CentralBodies.get();
        long t3 = cpu.getCurrentThreadCpuTime();
        String version = ReferenceData.version();
        long t4 = cpu.getCurrentThreadCpuTime();
        long w4 = System.nanoTime();
        long heap1 = usedAfterGc(memory);
        System.out.printf("load (first use, fresh JVM), CPU ms of the loading thread: AdminUnits %.0f (%d units), "
                + "Countries %.0f (%d), CentralBodies %.0f (%d), version hash %.0f (%s); all four %.0f ms wall%n",
                ms(t1 - t0), units.all().size(), ms(t2 - t1), countries.all().size(), ms(t3 - t2), bodies.all().size(),
                ms(t4 - t3), version, ms(w4 - w0));
        System.out.printf("heap retained by all three: %.1f MB%n", (heap1 - heap0) / 1e6);

        List<String> names = List.of("tỉnh Nghệ An", "thành phố Vinh", "Phú Mỹ", "xã Phú Mỹ", "Bà Rịa – Vũng Tàu", "TP.HCM",
                "huyện An Lão", "Hội nghị", "Ủy ban nhân dân", "phường 1", "Thanh Hoá", "Đông Anh");
        String text = "Mưa lớn ở các huyện: An Lão, Tây Sơn, Phù Cát và thị xã An Nhơn của tỉnh Bình Định.";
        int[] wordStarts = text.chars().toArray(); // reused below as the offsets of the sentence's words
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            if (i == 0 || text.charAt(i - 1) == ' ') {
                wordStarts[words++] = i;
            }
        }
        int wordCount = words;
        AdminQuery any = AdminQuery.any();
        long[] sink = {0};
        report(cpu, "AdminUnits.find", names.size(), () -> names.forEach(n -> sink[0] += units.find(n).size()));
        report(cpu, "AdminUnits.isName", names.size(), () -> names.forEach(n -> sink[0] += units.isName(n) ? 1 : 0));
        report(cpu, "Countries.isName", names.size(), () -> names.forEach(n -> sink[0] += countries.isName(n) ? 1 : 0));
        report(cpu, "CentralBodies.isName", names.size(), () -> names.forEach(n -> sink[0] += bodies.isName(n) ? 1 : 0));
        report(cpu, "AdminUnits.longestNameAt (at each word of an 88-char sentence)", wordCount, () -> {
            for (int w = 0; w < wordCount; w++) {
                sink[0] += units.longestNameAt(text, wordStarts[w], any);
            }
        });
        System.out.println("(checksum " + sink[0] + ")");
    }

    /** Runs calls (each doing perCall lookups) for 1 CPU-second to warm up, then 2 CPU-seconds timed. */
    private static void report(ThreadMXBean cpu, String what, int perCall, Runnable calls) {
        for (long budget : new long[] {1_000_000_000L, 2_000_000_000L}) {
            long n = 0;
            long start = cpu.getCurrentThreadCpuTime();
            long used;
            do {
                for (int i = 0; i < 100; i++) {
                    calls.run();
                }
                n += 100L * perCall;
                used = cpu.getCurrentThreadCpuTime() - start;
            } while (used < budget);
            if (budget > 1_000_000_000L) {
                System.out.printf("%-70s %7.0f ns per lookup (CPU)%n", what, (double) used / n);
            }
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
