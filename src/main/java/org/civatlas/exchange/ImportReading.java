package org.civatlas.exchange;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civatlas.common.ProblemException;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.crs.UnsupportedCrsException;
import org.civatlas.exchange.formats.FeatureReader;
import org.civatlas.exchange.formats.FormatException;
import org.civatlas.exchange.formats.Readers;
import org.civatlas.exchange.formats.SourceFeature;
import org.civatlas.exchange.formats.UncheckedFormatException;

/**
 * Reading an uploaded file, for every layer: the one place where a file that cannot be read becomes a 400 problem
 * (naming the part of the input concerned), where the CRS of an upload is decided, and where the field names of
 * streamed formats are learnt.
 */
final class ImportReading {

    private ImportReading() {
    }

    /**
     * One pass over the features. It reads the file and nothing else (no database), so every failure in it is the
     * file's: a database failure during a read would otherwise be reported as an unreadable file.
     */
    @FunctionalInterface
    interface Pass<T> {
        T over(FeatureReader reader);
    }

    static <T> T read(ImportFile file, Pass<T> pass) {
        try (FeatureReader reader = Readers.open(file.path(), file.fileName(), file.readOptions())) {
            return pass.over(reader);
        } catch (FormatException e) {
            throw unreadable(e);
        } catch (UncheckedFormatException e) {
            throw unreadable(e.getCause());
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ProblemException.badParameter("file", "文件无法读取 / the file cannot be read: " + e.getMessage());
        }
    }

    private static ProblemException unreadable(FormatException e) {
        return ProblemException.badParameter(e.field() == null ? "file" : e.field(), e.getMessage());
    }

    /** What the start of a file says: its format, its field names so far and its CRS, with any warning about it. */
    record Header(String format, List<String> fields, Crs crs, String crsSource, List<String> warnings) {
    }

    /** The CRS is the one the user stated (warning if the file declares another), else the file's, else a 400. */
    static Header header(FeatureReader reader, String statedCrs) {
        List<String> warnings = new ArrayList<>();
        Optional<Crs> declared = reader.declaredCrs();
        Crs crs;
        String source;
        if (statedCrs != null && !statedCrs.isBlank()) {
            try {
                crs = Crs.parse(statedCrs.strip());
            } catch (UnsupportedCrsException e) {
                throw ProblemException.badParameter("crs", e.getMessage());
            }
            source = "stated by the user";
            String chosen = crs.code();
            declared.filter(d -> !d.code().equals(chosen)).ifPresent(d -> warnings.add("文件声明的坐标系是 " + d.code()
                    + "，而你选择了 " + chosen + " / the file declares " + d.code() + " but " + chosen + " was chosen"));
        } else if (declared.isPresent()) {
            crs = declared.get();
            source = "declared by the file";
        } else {
            throw ProblemException.badParameter("crs", "文件没有声明坐标系：请选择 crs（如 EPSG:4490、EPSG:4534、"
                    + "GCJ-02）/ the file does not declare its CRS: state it with crs");
        }
        return new Header(reader.format(), new ArrayList<>(reader.fieldNames()), crs, source, warnings);
    }

    /** Streamed formats (GeoJSON) learn their field names from the features: adds the feature's new ones. */
    static void learnFields(List<String> fields, SourceFeature feature) {
        for (String key : feature.attributes().keySet()) {
            if (!fields.contains(key)) {
                fields.add(key);
            }
        }
    }

    /** The encoding the user chose (UTF-8 when none), or a 400. */
    static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("encoding", "不支持的编码 '" + name + "'，可用 UTF-8、GBK / unsupported "
                    + "encoding '" + name + "': use UTF-8 or GBK");
        }
    }
}
