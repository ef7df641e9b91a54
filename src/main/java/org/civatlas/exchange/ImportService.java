package org.civatlas.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.civatlas.common.CurrentUser;
import org.civatlas.common.ProblemException;
import org.civatlas.divisions.DivisionCodes;
import org.civatlas.divisions.DivisionImports;
import org.civatlas.divisions.DivisionLevel;
import org.civatlas.divisions.DivisionQueries;
import org.civatlas.divisions.UnitRecord;
import org.civatlas.exchange.crs.Crs;
import org.civatlas.exchange.crs.Plausibility;
import org.civatlas.exchange.crs.UnsupportedCrsException;
import org.civatlas.exchange.formats.FeatureReader;
import org.civatlas.exchange.formats.FormatException;
import org.civatlas.exchange.formats.ReadOptions;
import org.civatlas.exchange.formats.Readers;
import org.civatlas.exchange.formats.SourceFeature;
import org.civatlas.exchange.internal.ImportJobEntity;
import org.civatlas.exchange.internal.ImportJobRepository;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Import as a reviewed, atomic operation: upload → preview (read once, streamed: count, CRS, extent, problems) →
 * commit (read again, all or nothing in one transaction). Division layers are updated by code; unknown codes are
 * reported and refused, never guessed. Invalid geometries are rejected, or repaired with JTS's GeometryFixer when
 * the user chooses, and the repair is recorded with the unit.
 */
@Service
public class ImportService {

    static final Map<String, DivisionLevel> LAYERS = Map.of("counties", DivisionLevel.COUNTY,
            "townships", DivisionLevel.TOWNSHIP, "villages", DivisionLevel.VILLAGE);
    static final List<String> CODE_FIELDS = List.of("code", "adcode", "xzqdm", "qhdm", "dm", "zldwdm", "cjqydm",
            "行政区划代码", "区划代码", "代码", "gb", "gbcode");
    static final int MAX_LISTED_PROBLEMS = 1000;

    private final ImportJobRepository jobs;
    private final DivisionImports divisionImports;
    private final DivisionQueries divisions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path folder;
    private final long maxBytes;

    ImportService(ImportJobRepository jobs, DivisionImports divisionImports, DivisionQueries divisions,
            ObjectMapper json, Optional<Clock> clock, @Value("${civatlas.data-dir:./data}") String dataDir,
            @Value("${civatlas.imports.max-bytes:268435456}") long maxBytes) {
        this.jobs = jobs;
        this.divisionImports = divisionImports;
        this.divisions = divisions;
        this.json = json;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.folder = Path.of(dataDir, "imports");
        this.maxBytes = maxBytes;
    }

    public record Upload(String fileName, long size, InputStream content) {
    }

    public record Options(String crs, String encoding, String lonColumn, String latColumn, String wktColumn) {
    }

    @Transactional
    public ImportPreview preview(String layer, Upload upload, Options options) throws IOException {
        DivisionLevel level = LAYERS.get(layer == null ? "" : layer);
        if (level == null) {
            throw ProblemException.badParameter("layer", "目前可导入的图层：" + LAYERS.keySet() + " / layer must be one "
                    + "of " + LAYERS.keySet());
        }
        if (upload.size() > maxBytes) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "File too large", "文件超过 " + maxBytes / 1048576
                    + " MB 上限 / the file is larger than " + maxBytes + " bytes", "file");
        }
        Charset encoding = charset(options.encoding());
        String id = UUID.randomUUID().toString();
        Path dir = folder.resolve(id);
        Files.createDirectories(dir);
        String safeName = upload.fileName() == null ? "upload" : Path.of(upload.fileName()).getFileName().toString()
                .replaceAll("[^\\p{L}\\p{N}._-]", "_");
        Path stored = dir.resolve(safeName.isBlank() ? "upload" : safeName);
        Files.copy(upload.content(), stored, StandardCopyOption.REPLACE_EXISTING);
        ReadOptions readOptions = new ReadOptions(encoding, options.lonColumn(), options.latColumn(),
                options.wktColumn(), maxBytes * 20, 0);
        try {
            Scan scan = scan(stored, safeName, readOptions, options.crs(), level);
            ImportPreview preview = scan.preview(id, layer, safeName, "PREVIEWED");
            ImportJobEntity job = new ImportJobEntity();
            job.id = id;
            job.layer = layer;
            job.fileName = safeName;
            job.storedPath = stored.toString();
            job.crsCode = scan.crs.code();
            job.encoding = encoding.name();
            job.optionsJson = json.writeValueAsString(options);
            job.status = "PREVIEWED";
            job.previewJson = json.writeValueAsString(preview);
            job.createdBy = CurrentUser.name();
            job.createdAt = clock.instant();
            jobs.save(job);
            return preview;
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    @Transactional(readOnly = true)
    public ImportPreview get(String id) {
        ImportJobEntity job = require(id);
        return json.readValue(job.previewJson, ImportPreview.class);
    }

    public record CommitOptions(String codeField, String invalid) {
    }

    /** Reads the file again and writes every feature in one transaction, or nothing. */
    @Transactional
    public Map<String, Object> commit(String id, CommitOptions options) throws IOException {
        ImportJobEntity job = require(id);
        if (!"PREVIEWED".equals(job.status)) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already " + job.status.toLowerCase(Locale.ROOT),
                    "该导入已" + ("COMMITTED".equals(job.status) ? "提交" : "结束") + " / this import is already "
                            + job.status, "id");
        }
        ImportPreview preview = json.readValue(job.previewJson, ImportPreview.class);
        String invalid = options == null || options.invalid() == null ? "reject"
                : options.invalid().toLowerCase(Locale.ROOT);
        if (!invalid.equals("reject") && !invalid.equals("repair")) {
            throw ProblemException.badParameter("invalid", "invalid 须为 reject（拒绝）或 repair（修复）/ invalid must "
                    + "be reject or repair");
        }
        String codeField = options != null && options.codeField() != null ? options.codeField() : preview.codeField();
        if (codeField == null || !preview.fields().contains(codeField)) {
            throw ProblemException.badParameter("codeField", "请指定保存行政区划代码的字段，可选：" + preview.fields()
                    + " / choose the field that holds the unit code");
        }
        Options readOpts = json.readValue(job.optionsJson, Options.class);
        Crs crs = Crs.parse(job.crsCode);
        DivisionLevel level = LAYERS.get(job.layer);
        List<UnitRecord> records = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int repaired = 0;
        try (FeatureReader reader = Readers.open(Path.of(job.storedPath), job.fileName, new ReadOptions(
                Charset.forName(job.encoding), readOpts.lonColumn(), readOpts.latColumn(), readOpts.wktColumn(),
                maxBytes * 20, 0))) {
            while (reader.hasNext()) {
                SourceFeature f = reader.next();
                String code = normaliseCode(f.attributes().get(codeField), level);
                if (f.problem() != null || f.geometry() == null) {
                    errors.add("#" + f.index() + ": " + (f.problem() != null ? f.problem() : "no geometry"));
                    continue;
                }
                if (code == null) {
                    errors.add("#" + f.index() + ": " + codeField + " is not a code of a " + level + " unit");
                    continue;
                }
                if (!seen.add(code)) {
                    errors.add("#" + f.index() + ": duplicate code " + code);
                    continue;
                }
                Geometry wgs84 = crs.toWgs84(f.geometry());
                String source = "import " + id + " (" + job.fileName + ", feature " + f.index() + ")";
                TopologyValidationError error = new IsValidOp(wgs84).getValidationError();
                if (error != null) {
                    if (invalid.equals("reject")) {
                        errors.add("#" + f.index() + " (" + code + "): invalid geometry: " + error.getMessage());
                        continue;
                    }
                    wgs84 = GeometryFixer.fix(wgs84);
                    source += "; repaired with JTS GeometryFixer (" + error.getMessage() + " at "
                            + error.getCoordinate().x + ", " + error.getCoordinate().y + ")";
                    repaired++;
                }
                if (!(wgs84 instanceof Polygonal) || wgs84.isEmpty()) {
                    errors.add("#" + f.index() + " (" + code + "): not a polygon");
                    continue;
                }
                records.add(DivisionLayerImport.userRecord(code, wgs84, crs, source));
            }
        } catch (FormatException e) {
            throw ProblemException.badParameter("file", e.getMessage());
        } catch (Exception e) {
            if (e instanceof ProblemException p) {
                throw p;
            }
            throw new IOException(e);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused",
                    errors.size() + " 个要素有问题，未导入任何数据 / " + errors.size() + " features have problems, nothing "
                            + "was imported: " + String.join("; ", errors.subList(0, Math.min(20, errors.size())))
                            + (errors.size() > 20 ? " …" : ""), "file");
        }
        var outcome = divisionImports.write(records, false);
        job.status = "COMMITTED";
        job.committedAt = clock.instant();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("layer", job.layer);
        result.put("updated", outcome.updated());
        result.put("repaired", repaired);
        result.put("crs", crs.code());
        result.put("conversion", crs.conversionToWgs84());
        job.resultJson = json.writeValueAsString(result);
        jobs.save(job);
        return result;
    }

    /** One streamed pass over the file: everything the preview shows. */
    private Scan scan(Path file, String name, ReadOptions options, String userCrs, DivisionLevel level)
            throws IOException {
        Scan scan = new Scan();
        try (FeatureReader reader = Readers.open(file, name, options)) {
            scan.format = reader.format();
            scan.fields = reader.fieldNames();
            Optional<Crs> declared = reader.declaredCrs();
            if (userCrs != null && !userCrs.isBlank()) {
                try {
                    scan.crs = Crs.parse(userCrs.strip());
                } catch (UnsupportedCrsException e) {
                    throw ProblemException.badParameter("crs", e.getMessage());
                }
                scan.crsSource = "stated by the user";
                declared.filter(d -> !d.code().equals(scan.crs.code())).ifPresent(d -> scan.warnings.add(
                        "文件声明的坐标系是 " + d.code() + "，而你选择了 " + scan.crs.code() + " / the file declares "
                                + d.code() + " but " + scan.crs.code() + " was chosen"));
            } else if (declared.isPresent()) {
                scan.crs = declared.get();
                scan.crsSource = "declared by the file";
            } else {
                throw ProblemException.badParameter("crs", "文件没有声明坐标系：请选择 crs（如 EPSG:4490、EPSG:4534、"
                        + "GCJ-02）/ the file does not declare its CRS: state it with crs");
            }
            scan.fields = new ArrayList<>(scan.fields);
            scan.codeField = codeField(scan.fields);
            Envelope sourceExtent = new Envelope();
            Set<String> codes = new HashSet<>();
            List<String> codeList = new ArrayList<>();
            while (reader.hasNext()) {
                SourceFeature f = reader.next();
                scan.count++;
                // streamed formats (GeoJSON) learn their field names from the features
                for (String key : f.attributes().keySet()) {
                    if (!scan.fields.contains(key)) {
                        scan.fields.add(key);
                    }
                }
                if (scan.codeField == null) {
                    scan.codeField = codeField(scan.fields);
                }
                if (f.problem() != null) {
                    scan.problem(f.index(), "unreadable", f.problem(), null);
                    continue;
                }
                if (f.geometry() == null || f.geometry().isEmpty()) {
                    scan.problem(f.index(), "no-geometry", "要素没有几何 / the feature has no geometry", null);
                    continue;
                }
                sourceExtent.expandToInclude(f.geometry().getEnvelopeInternal());
                Geometry wgs84;
                try {
                    wgs84 = scan.crs.toWgs84(f.geometry());
                } catch (RuntimeException e) {
                    scan.problem(f.index(), "crs", "无法转换坐标 / cannot convert the coordinates: " + e.getMessage(),
                            null);
                    continue;
                }
                scan.extent.expandToInclude(wgs84.getEnvelopeInternal());
                if (!(wgs84 instanceof Polygonal)) {
                    scan.problem(f.index(), "wrong-type", "该图层需要面要素，收到 " + wgs84.getGeometryType()
                            + " / this layer needs polygons, got " + wgs84.getGeometryType(), null);
                }
                TopologyValidationError error = new IsValidOp(wgs84).getValidationError();
                if (error != null) {
                    scan.invalid++;
                    scan.problem(f.index(), "invalid", error.getMessage(), error.getCoordinate());
                }
                if (scan.codeField != null) {
                    String code = normaliseCode(f.attributes().get(scan.codeField), level);
                    if (code == null) {
                        scan.problem(f.index(), "no-code", scan.codeField + " 不是" + level.label() + "单位的代码 / "
                                + scan.codeField + " holds no code of a " + level + " unit", null);
                    } else if (!codes.add(code)) {
                        scan.problem(f.index(), "duplicate-code", "代码 " + code + " 在文件中重复 / code " + code
                                + " appears twice in the file", null);
                    } else {
                        codeList.add(code);
                    }
                }
            }
            if (scan.codeField == null) {
                scan.warnings.add("没有找到代码字段：提交时请指定 codeField / no code field found: name it with "
                        + "codeField when committing");
            } else {
                Set<String> known = divisionImports.existing(codeList);
                for (String code : codeList) {
                    if (!known.contains(code)) {
                        scan.unknown++;
                        scan.problem(-1, "unknown-code", "代码 " + code + " 不是已有的行政区划 / " + code
                                + " is not an existing unit", null);
                    }
                }
            }
            if (!sourceExtent.isNull()) {
                Envelope county = divisions.extent(DivisionLevel.COUNTY);
                for (Plausibility.Warning w : Plausibility.check(sourceExtent, scan.crs, county)) {
                    scan.warnings.add(w.message());
                }
            }
        } catch (FormatException e) {
            throw ProblemException.badParameter(e.field() == null ? "file" : e.field(), e.getMessage());
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw ProblemException.badParameter("file", "文件无法读取 / the file cannot be read: " + e.getMessage());
        }
        return scan;
    }

    private static final class Scan {
        String format;
        List<String> fields = List.of();
        Crs crs;
        String crsSource;
        String codeField;
        long count;
        long problemCount;
        long invalid;
        long unknown;
        final Envelope extent = new Envelope();
        final List<String> warnings = new ArrayList<>();
        final List<ImportPreview.ImportProblem> problems = new ArrayList<>();

        void problem(long index, String kind, String reason, org.locationtech.jts.geom.Coordinate at) {
            problemCount++;
            if (problems.size() < MAX_LISTED_PROBLEMS) {
                problems.add(new ImportPreview.ImportProblem(index, kind, reason, at == null ? null : at.x,
                        at == null ? null : at.y));
            }
        }

        ImportPreview preview(String id, String layer, String name, String status) {
            double[] box = extent.isNull() ? null : new double[] {extent.getMinX(), extent.getMinY(),
                    extent.getMaxX(), extent.getMaxY()};
            return new ImportPreview(id, layer, name, format, count, crs.code(), crsSource, crs.conversionToWgs84(),
                    box, fields, codeField, warnings, problemCount, problems, unknown, invalid, status);
        }
    }

    private static String codeField(List<String> fields) {
        return fields.stream().filter(f -> CODE_FIELDS.contains(f.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
    }

    /** A code value as a 12-digit code of the given level, or null (6-digit county codes are accepted). */
    static String normaliseCode(Object value, DivisionLevel level) {
        if (value == null) {
            return null;
        }
        String digits = value instanceof Number n ? Long.toString(n.longValue()) : value.toString().strip();
        if (digits.matches("\\d{6}")) {
            digits = digits + "000000";
        } else if (digits.matches("\\d{9}")) {
            digits = digits + "000";
        }
        if (!DivisionCodes.isValid(digits) || DivisionCodes.levelOf(digits) != level) {
            return null;
        }
        return digits;
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("encoding", "不支持的编码 '" + name + "'，可用 UTF-8、GBK / unsupported "
                    + "encoding '" + name + "': use UTF-8 or GBK");
        }
    }

    private ImportJobEntity require(String id) {
        return jobs.findById(id == null ? "" : id).orElseThrow(() -> ProblemException.notFound("没有编号为 " + id
                + " 的导入 / no import " + id));
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

}
