package org.civatlas.exchange.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Extracts an uploaded zip into a fresh temporary folder, defending against
 * <ul>
 *   <li>zip-slip: entry names with {@code ..} segments, absolute paths, drive letters or backslashes are rejected;</li>
 *   <li>zip bombs: the bytes actually written (not the sizes the archive claims) are counted against
 *       {@link ReadOptions#maxUncompressedBytes()}, and an entry expanding more than {@link #MAX_RATIO} times its
 *       compressed size (beyond 1 MiB) is rejected.</li>
 * </ul>
 */
final class ZipExtractor {

    /** Largest accepted uncompressed/compressed ratio per entry. Real shapefiles compress 2–20×. */
    static final int MAX_RATIO = 200;
    private static final long RATIO_GRACE = 1L << 20;

    private ZipExtractor() {
    }

    static Path extract(Path zip, long maxBytes) throws FormatException {
        Path dir;
        try {
            dir = Files.createTempDirectory("civatlas-import-");
        } catch (IOException e) {
            throw new FormatException("无法创建临时目录", "Cannot create a temporary folder: " + e.getMessage(), null, e);
        }
        boolean ok = false;
        try (InputStream fin = Files.newInputStream(zip);
             Limits.CountingInputStream compressed = new Limits.CountingInputStream(fin, Long.MAX_VALUE);
             ZipInputStream zin = new ZipInputStream(compressed)) {
            long total = 0;
            int entries = 0;
            ZipEntry e;
            byte[] buf = new byte[1 << 16];
            while ((e = zin.getNextEntry()) != null) {
                entries++;
                String name = e.getName();
                checkName(name);
                Path target = dir.resolve(name).normalize();
                if (!target.startsWith(dir)) {
                    throw slip(name);
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                long start = compressed.count();
                long written = 0;
                try (OutputStream out = Files.newOutputStream(target)) {
                    int n;
                    while ((n = zin.read(buf)) > 0) {
                        out.write(buf, 0, n);
                        written += n;
                        total += n;
                        if (total > maxBytes) {
                            throw Limits.tooLarge("zip 解压后的内容 / The unzipped content", maxBytes);
                        }
                        long compressedSoFar = Math.max(1, compressed.count() - start);
                        if (written > RATIO_GRACE && written / compressedSoFar > MAX_RATIO) {
                            throw new FormatException("zip 条目 " + name + " 的压缩比异常（超过 " + MAX_RATIO
                                    + " 倍），疑似“压缩炸弹”，已拒绝",
                                    "Zip entry '" + name + "' expands more than " + MAX_RATIO + " times its compressed "
                                            + "size: this looks like a zip bomb and was rejected. Upload the files "
                                            + "zipped normally", name);
                        }
                    }
                }
            }
            if (entries == 0) {
                throw new FormatException("zip 文件为空或已损坏", "The zip file is empty or corrupt: create it again",
                        "file");
            }
            ok = true;
            return dir;
        } catch (ZipException | java.io.EOFException ex) {
            throw new FormatException("zip 文件已损坏或不完整，请重新压缩", "The zip file is corrupt or truncated ("
                    + ex.getMessage() + "): create the zip again", "file", ex);
        } catch (IOException ex) {
            throw new FormatException("解压失败", "Cannot unzip the file: " + ex.getMessage(), "file", ex);
        } finally {
            if (!ok) {
                deleteRecursively(dir);
            }
        }
    }

    private static void checkName(String name) throws FormatException {
        String n = name.replace('\\', '/');
        if (name.contains("\\") || n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.contains("\0")) {
            throw slip(name);
        }
        for (String seg : n.split("/")) {
            if (seg.equals("..")) {
                throw slip(name);
            }
        }
    }

    private static FormatException slip(String name) {
        return new FormatException("zip 中的路径 “" + name + "” 指向解压目录之外（路径穿越），已拒绝；请只打包数据文件本身",
                "Zip entry '" + name + "' points outside the extraction folder (path traversal: '..' or an absolute "
                        + "path) and was rejected: zip only the data files themselves", name);
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
