package org.civatlas.exchange.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens a {@link FeatureReader} for an uploaded file, recognised by its content and then by its name:
 * GeoJSON ({@code .geojson}, {@code .json}, optionally gzip-compressed), GeoPackage ({@code .gpkg}),
 * zipped Shapefile ({@code .zip}; a bare {@code .shp} with its side files next to it also works) and CSV
 * ({@code .csv}, {@code .txt}).
 */
public final class Readers {

    private Readers() {
    }

    /**
     * @param file     the file on disk (its own name may be a meaningless temp name)
     * @param fileName the name the user gave the file (used for the extension), may be null
     */
    public static FeatureReader open(Path file, String fileName, ReadOptions options) throws FormatException {
        ReadOptions opts = options == null ? ReadOptions.defaults() : options;
        if (!Files.isRegularFile(file)) {
            throw new FormatException("文件不存在", "File not found: " + file, "file");
        }
        String name = (fileName == null || fileName.isBlank() ? file.getFileName().toString() : fileName)
                .toLowerCase(Locale.ROOT);
        byte[] head = head(file, 16);
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return ShapefileReader.openZip(file, opts);
        }
        if (startsWith(head, 'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0)) {
            return new GeoPackageReader(file, opts);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return new GeoJsonReader(file, opts);
        }
        if (name.endsWith(".shp")) {
            return ShapefileReader.openShp(file, opts);
        }
        if (firstNonBlank(head) == '{' && !name.endsWith(".csv")) {
            return new GeoJsonReader(file, opts);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            return new CsvReader(file, opts);
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return new GeoJsonReader(file, opts);
        }
        if (name.endsWith(".zip")) {
            throw new FormatException("zip 文件已损坏或不是 zip 格式", "The .zip file is corrupt or not a zip archive: "
                    + "create the zip again", "file");
        }
        if (name.endsWith(".gpkg")) {
            throw new FormatException("GeoPackage 文件已损坏（不是 SQLite 数据库）",
                    "The .gpkg file is corrupt (not an SQLite database): export it again", "file");
        }
        throw new FormatException("无法识别的文件格式，支持 GeoJSON、GeoPackage、Shapefile（zip 压缩）和 CSV",
                "Unrecognised file format: upload GeoJSON (.geojson), GeoPackage (.gpkg), a zipped Shapefile (.zip "
                        + "with .shp, .shx, .dbf, .prj) or CSV (.csv)", "file");
    }

    static boolean isGzip(Path file) {
        byte[] h = head(file, 2);
        return h.length == 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b;
    }

    private static byte[] head(Path file, int n) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonBlank(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            i = 3;
        }
        for (; i < head.length; i++) {
            if (!Character.isWhitespace(head[i])) {
                return head[i];
            }
        }
        return -1;
    }
}
