package org.civatlas.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Helpers shared by the exchange tests: GDAL command-line access, distances, raw fixture writers. */
public final class TestSupport {

    private TestSupport() {
    }

    /** True if the GDAL command-line tool is on the PATH. */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command, feeding stdin, and returns stdout+stderr; fails on a non-zero exit. */
    public static String run(String stdin, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream os = p.getOutputStream()) {
            if (stdin != null) {
                os.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] out;
        try (InputStream is = p.getInputStream()) {
            out = is.readAllBytes();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout: " + String.join(" ", command));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + " from " + String.join(" ", command) + ":\n" + text);
        }
        return text;
    }

    /** Great-circle distance in metres (sphere of radius 6371008.8 m; fine at the metre level). */
    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double r = 6_371_008.8;
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** A point record for {@link #writePointShapefile}. */
    public record PointRecord(double x, double y, String name, long code) {
    }

    /**
     * Writes a point shapefile (.shp, .shx, .dbf with fields NAME C(40) and CODE N(12,0), optional .prj and .cpg)
     * byte by byte, independently of the production writer. Returns the paths written.
     */
    public static List<Path> writePointShapefile(Path dir, String base, List<PointRecord> points, Charset dbfCharset,
                                                 String cpg, String prj) throws IOException {
        List<Path> files = new ArrayList<>();
        int n = points.size();
        double minX = points.stream().mapToDouble(PointRecord::x).min().orElse(0);
        double maxX = points.stream().mapToDouble(PointRecord::x).max().orElse(0);
        double minY = points.stream().mapToDouble(PointRecord::y).min().orElse(0);
        double maxY = points.stream().mapToDouble(PointRecord::y).max().orElse(0);
        // .shp
        ByteBuffer shp = ByteBuffer.allocate(100 + n * 28);
        ByteBuffer shx = ByteBuffer.allocate(100 + n * 8);
        for (ByteBuffer b : List.of(shp, shx)) {
            b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, b.capacity() / 2);
            b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, 1).putDouble(36, minX).putDouble(44, minY)
                    .putDouble(52, maxX).putDouble(60, maxY);
        }
        for (int i = 0; i < n; i++) {
            int off = 100 + i * 28;
            shp.order(ByteOrder.BIG_ENDIAN).putInt(off, i + 1).putInt(off + 4, 10);
            shp.order(ByteOrder.LITTLE_ENDIAN).putInt(off + 8, 1).putDouble(off + 12, points.get(i).x())
                    .putDouble(off + 20, points.get(i).y());
            shx.order(ByteOrder.BIG_ENDIAN).putInt(100 + i * 8, off / 2).putInt(100 + i * 8 + 4, 10);
        }
        files.add(write(dir.resolve(base + ".shp"), shp.array()));
        files.add(write(dir.resolve(base + ".shx"), shx.array()));
        // .dbf
        ByteArrayOutputStream dbf = new ByteArrayOutputStream();
        int headerLength = 32 + 2 * 32 + 1;
        int recordLength = 1 + 40 + 12;
        ByteBuffer h = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) 3).put((byte) 125).put((byte) 1).put((byte) 1).putInt(n).putShort((short) headerLength)
                .putShort((short) recordLength);
        h.position(32);
        h.put(field("NAME", 'C', 40, 0));
        h.put(field("CODE", 'N', 12, 0));
        h.put((byte) 0x0D);
        dbf.write(h.array());
        for (PointRecord p : points) {
            byte[] rec = new byte[recordLength];
            java.util.Arrays.fill(rec, (byte) ' ');
            byte[] name = p.name().getBytes(dbfCharset);
            System.arraycopy(name, 0, rec, 1, Math.min(40, name.length));
            byte[] code = String.format("%12d", p.code()).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(code, 0, rec, 41, 12);
            dbf.write(rec);
        }
        dbf.write(0x1A);
        files.add(write(dir.resolve(base + ".dbf"), dbf.toByteArray()));
        if (cpg != null) {
            files.add(write(dir.resolve(base + ".cpg"), cpg.getBytes(StandardCharsets.US_ASCII)));
        }
        if (prj != null) {
            files.add(write(dir.resolve(base + ".prj"), prj.getBytes(StandardCharsets.US_ASCII)));
        }
        return files;
    }

    private static byte[] field(String name, char type, int len, int dec) {
        byte[] f = new byte[32];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, f, 0, n.length);
        f[11] = (byte) type;
        f[16] = (byte) len;
        f[17] = (byte) dec;
        return f;
    }

    private static Path write(Path p, byte[] bytes) throws IOException {
        Files.write(p, bytes);
        return p;
    }

    /** Zips files (flat, by file name) into a zip file. */
    public static Path zip(Path zip, List<Path> files) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path f : files) {
                z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return zip;
    }
}
