package org.civatlas.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
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
import org.civatlas.exchange.internal.ImportJobStore;
import org.civatlas.facilities.FacilityImports;
import org.civatlas.facilities.FacilityRegistry;
import org.civatlas.facilities.FacilityType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Import as a reviewed, atomic operation: upload → preview (read once, streamed: count, CRS, extent, problems) →
 * commit (read again, all or nothing in one transaction). Division layers are updated by code; unknown codes are
 * reported and refused, never guessed. Invalid geometries are rejected, or repaired with JTS's GeometryFixer when
 * the user chooses, and the repair is recorded with the unit. The facilities layer takes points: each record
 * creates a facility or updates the one with the same identifying key (see {@link FacilityImports}), and the CRS
 * conversion is recorded with each facility's source.
 *
 * <p>Who may import follows who may edit: division layers ADMIN and the officers, facilities PLANNER and ADMIN.
 */
@Service
public class ImportService {

    static final Map<String, DivisionLevel> LAYERS = Map.of("counties", DivisionLevel.COUNTY,
            "townships", DivisionLevel.TOWNSHIP, "villages", DivisionLevel.VILLAGE);
    static final List<String> CODE_FIELDS = List.of("code", "adcode", "xzqdm", "qhdm", "dm", "zldwdm", "cjqydm",
            "行政区划代码", "区划代码", "代码", "gb", "gbcode");
    static final int MAX_LISTED_PROBLEMS = 1000;
    static final String FACILITIES = "facilities";
    static final List<String> ALL_LAYERS = List.of("counties", "townships", "villages", FACILITIES);
    static final List<String> DIVISION_ROLES = List.of("ADMIN", "NAME_OFFICER", "BOUNDARY_OFFICER");
    static final List<String> FACILITY_ROLES = List.of("PLANNER", "ADMIN");
    static final int MAX_PREVIEW_POINTS = 5000;

    private final ImportJobStore jobs;
    private final DivisionImports divisionImports;
    private final DivisionQueries divisions;
    private final FacilityImports facilityImports;
    private final FacilityRegistry facilityRegistry;
    private final ObjectMapper json;
    private final Clock clock;
    private final long maxBytes;

    ImportService(ImportJobStore jobs, DivisionImports divisionImports, DivisionQueries divisions,
            FacilityImports facilityImports, FacilityRegistry facilityRegistry, ObjectMapper json, Optional<Clock> clock,
            @Value("${civatlas.imports.max-bytes:268435456}") long maxBytes) {
        this.jobs = jobs;
        this.divisionImports = divisionImports;
        this.divisions = divisions;
        this.facilityImports = facilityImports;
        this.facilityRegistry = facilityRegistry;
        this.json = json;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.maxBytes = maxBytes;
    }

    public record Upload(String fileName, long size, InputStream content) {
    }

    public record Options(String crs, String encoding, String lonColumn, String latColumn, String wktColumn) {
    }

    @Transactional
    public ImportPreview preview(String layer, Upload upload, Options options) throws IOException {
        DivisionLevel level = LAYERS.get(layer == null ? "" : layer);
        boolean facilities = FACILITIES.equals(layer);
        if (level == null && !facilities) {
            throw ProblemException.badParameter("layer", "目前可导入的图层：" + ALL_LAYERS + " / layer must be one "
                    + "of " + ALL_LAYERS);
        }
        requireRole(layer);
        Charset encoding = charset(options.encoding());
        String id = UUID.randomUUID().toString();
        String safeName = upload.fileName() == null ? "upload" : Path.of(upload.fileName()).getFileName().toString()
                .replaceAll("[^\\p{L}\\p{N}._-]", "_");
        safeName = safeName.isBlank() ? "upload" : safeName;
        ReadOptions readOptions = new ReadOptions(encoding, options.lonColumn(), options.latColumn(),
                options.wktColumn(), maxBytes * 20, 0);
        try (ImportJobStore.LocalFile file = jobs.receive(upload.content(), upload.size(), safeName)) {
            Scan scan = facilities ? scanFacilities(file.path(), safeName, readOptions, options.crs(), id)
                    : scan(file.path(), safeName, readOptions, options.crs(), level);
            ImportPreview preview = scan.preview(id, layer, safeName, ImportJobStore.PREVIEWED);
            jobs.create(new ImportJobStore.Job(id, layer, safeName, scan.crs.code(), encoding.name(),
                    json.writeValueAsString(options), ImportJobStore.PREVIEWED, json.writeValueAsString(preview), null),
                    CurrentUser.name(), clock.instant(), file.path());
            return preview;
        }
    }

    @Transactional(readOnly = true)
    public ImportPreview get(String id) {
        ImportJobStore.Job job = jobs.require(id);
        requireRole(job.layer());
        return json.readValue(job.previewJson(), ImportPreview.class).withStatus(job.status());
    }

    /**
     * @param codeField division layers: the field holding the unit code
     * @param invalid   division layers: reject or repair invalid polygons
     * @param mapping   facilities: changes to the proposed field mapping (facility field → the file's field; null or
     *                  empty unmaps it)
     */
    public record CommitOptions(String codeField, String invalid, Map<String, String> mapping) {
    }

    /**
     * Reads the file again and writes every feature in one transaction, or nothing. The job is claimed first in
     * that transaction, so a commit is applied once: another commit of the same upload, at the same time on any
     * node or later, is a 409 (with the first result once there is one). A refused commit leaves it committable.
     */
    @Transactional(rollbackFor = Exception.class)
    public Map<String, Object> commit(String id, CommitOptions options) throws IOException {
        ImportJobStore.Job job = jobs.require(id);
        requireRole(job.layer());
        jobs.claim(job.id());
        ImportPreview preview = json.readValue(job.previewJson(), ImportPreview.class);
        Map<String, Object> result;
        try (ImportJobStore.LocalFile file = jobs.materialise(job)) {
            result = FACILITIES.equals(job.layer()) ? commitFacilities(job, file.path(), preview, options)
                    : commitDivisions(job, file.path(), preview, options);
        }
        jobs.finish(job.id(), json.writeValueAsString(result), clock.instant());
        return result;
    }

    /** A division layer's commit: every unit updated by code, or nothing. */
    private Map<String, Object> commitDivisions(ImportJobStore.Job job, Path file, ImportPreview preview,
            CommitOptions options) throws IOException {
        String id = job.id();
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
        Options readOpts = json.readValue(job.optionsJson(), Options.class);
        Crs crs = Crs.parse(job.crsCode());
        DivisionLevel level = LAYERS.get(job.layer());
        List<UnitRecord> records = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int repaired = 0;
        try (FeatureReader reader = Readers.open(file, job.fileName(), new ReadOptions(
                Charset.forName(job.encoding()), readOpts.lonColumn(), readOpts.latColumn(), readOpts.wktColumn(),
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
                String source = "import " + id + " (" + job.fileName() + ", feature " + f.index() + ")";
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
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("layer", job.layer());
        result.put("updated", outcome.updated());
        result.put("repaired", repaired);
        result.put("crs", crs.code());
        result.put("conversion", crs.conversionToWgs84());
        return result;
    }

    /** One streamed pass over the file: everything the preview shows. */
    private Scan scan(Path file, String name, ReadOptions options, String userCrs, DivisionLevel level)
            throws IOException {
        Scan scan = new Scan();
        try (FeatureReader reader = Readers.open(file, name, options)) {
            scan.format = reader.format();
            scan.fields = reader.fieldNames();
            resolveCrs(scan, reader.declaredCrs(), userCrs);
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

    /** The CRS of the upload: the one the user stated (warning if the file declares another), else the file's. */
    private static void resolveCrs(Scan scan, Optional<Crs> declared, String userCrs) {
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
    }

    // ---------------------------------------------------------------------------------------------- facilities

    /** The facilities layer's preview: field names, proposed mapping, then every feature read and checked. */
    private Scan scanFacilities(Path file, String name, ReadOptions options, String userCrs, String id) {
        Scan scan = new Scan();
        try {
            try (FeatureReader reader = Readers.open(file, name, options)) {
                scan.format = reader.format();
                scan.fields = new ArrayList<>(reader.fieldNames());
                resolveCrs(scan, reader.declaredCrs(), userCrs);
                // streamed formats (GeoJSON) learn their field names from the features
                while (reader.hasNext()) {
                    for (String key : reader.next().attributes().keySet()) {
                        if (!scan.fields.contains(key)) {
                            scan.fields.add(key);
                        }
                    }
                }
            }
            scan.mapping = FacilityLayerImport.proposeMapping(scan.fields);
            scan.codeField = scan.mapping.get("externalId");
            if (scan.mapping.get("name") == null) {
                scan.warnings.add("没有找到名称字段（如 name、名称）：提交时请在字段对应中指定 / no name field found (e.g. "
                        + "name, 名称): map it before committing");
            }
            if (scan.mapping.get("type") == null) {
                scan.warnings.add("没有找到类型字段（如 type、类型）：提交时请在字段对应中指定 / no type field found (e.g. "
                        + "type, 类型): map it before committing");
            }
            if (scan.mapping.get("externalId") == null) {
                scan.warnings.add("文件没有编号字段：已有设施按类型和名称匹配 / the file has no identifier field: existing "
                        + "facilities are matched by type and name");
            }
            FacilityRead read = readFacilities(file, name, options, scan.crs, scan.mapping, id);
            scan.creates = 0L;
            scan.updates = 0L;
            scan.points = new ArrayList<>();
            Map<String, List<Long>> notes = new LinkedHashMap<>();
            for (int i = 0; i < read.parsed().size(); i++) {
                FacilityLayerImport.Parsed parsed = read.parsed().get(i);
                FacilityImports.Check check = read.checks().get(i);
                scan.count++;
                List<FacilityImports.Issue> problems = problemsOf(parsed, check);
                var at = parsed.wgs84() == null ? null : parsed.wgs84().getCoordinate();
                for (FacilityImports.Issue p : problems) {
                    scan.problem(parsed.row().index(), p.kind(), p.reason(), at);
                }
                if (problems.isEmpty()) {
                    if (check.action() == FacilityImports.Action.CREATE) {
                        scan.creates++;
                    } else {
                        scan.updates++;
                    }
                }
                for (String note : check.notes()) {
                    notes.computeIfAbsent(note, k -> new ArrayList<>()).add(parsed.row().index());
                }
                if (at != null) {
                    scan.extent.expandToInclude(at);
                    if (scan.points.size() < MAX_PREVIEW_POINTS) {
                        scan.points.add(new ImportPreview.PreviewPoint(parsed.row().index(), at.x, at.y,
                                parsed.row().input().name(), parsed.row().input().type(), problems.isEmpty()
                                        ? check.action().name().toLowerCase(Locale.ROOT) : "error"));
                    }
                }
            }
            notes.forEach((note, indexes) -> scan.warnings.add(note + "：要素 features #" + indexes.subList(0,
                    Math.min(20, indexes.size())).stream().map(String::valueOf).reduce((a, b) -> a + ", #" + b)
                    .orElse("") + (indexes.size() > 20 ? " …（共 " + indexes.size() + " / " + indexes.size()
                            + " in all）" : "")));
            if (!read.sourceExtent().isNull()) {
                Envelope county = divisions.extent(DivisionLevel.COUNTY);
                for (Plausibility.Warning w : Plausibility.check(read.sourceExtent(), scan.crs, county)) {
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

    private record FacilityRead(List<FacilityLayerImport.Parsed> parsed, List<FacilityImports.Check> checks,
            Envelope sourceExtent) {
    }

    /** Reads every feature of a facility file with the mapping and lets the facilities module check the records. */
    private FacilityRead readFacilities(Path file, String name, ReadOptions options, Crs crs,
            Map<String, String> mapping, String id) throws Exception {
        Map<String, FacilityType> types = facilityRegistry.typesByCode();
        Envelope sourceExtent = new Envelope();
        List<FacilityLayerImport.Parsed> parsed = new ArrayList<>();
        String conversion = crs.code() + (crs.conversionToWgs84() == null ? "" : ", " + crs.conversionToWgs84());
        try (FeatureReader reader = Readers.open(file, name, options)) {
            while (reader.hasNext()) {
                SourceFeature f = reader.next();
                parsed.add(FacilityLayerImport.parse(f, crs, mapping, types, "import " + id + " (" + name
                        + ", feature " + f.index() + "; coordinates " + conversion + ")", sourceExtent));
            }
        }
        List<FacilityImports.Check> checks = facilityImports.check(parsed.stream()
                .map(FacilityLayerImport.Parsed::row).toList());
        return new FacilityRead(parsed, checks, sourceExtent);
    }

    /**
     * The problems of one record: what could not be read, then what the facilities module found, without saying
     * twice what reading already said (a record without a point has no valid location; a bad status is missing).
     */
    private static List<FacilityImports.Issue> problemsOf(FacilityLayerImport.Parsed parsed,
            FacilityImports.Check check) {
        List<FacilityImports.Issue> all = new ArrayList<>(parsed.problems());
        Set<String> kinds = new HashSet<>();
        parsed.problems().forEach(p -> kinds.add(p.kind()));
        for (FacilityImports.Issue issue : check.issues()) {
            if (kinds.contains(issue.kind()) || (issue.kind().equals("crs") && parsed.wgs84() == null)) {
                continue;
            }
            all.add(issue);
        }
        return all;
    }

    /** Reads the file again with the final mapping; writes every facility in one transaction, or nothing. */
    private Map<String, Object> commitFacilities(ImportJobStore.Job job, Path file, ImportPreview preview,
            CommitOptions options) throws IOException {
        Map<String, String> mapping = new LinkedHashMap<>(preview.mapping() != null ? preview.mapping()
                : FacilityLayerImport.proposeMapping(preview.fields()));
        if (options != null && options.mapping() != null) {
            for (var e : options.mapping().entrySet()) {
                if (!FacilityLayerImport.FIELDS.containsKey(e.getKey())) {
                    throw ProblemException.badParameter("mapping", "没有设施字段 '" + e.getKey() + "'，可选："
                            + FacilityLayerImport.FIELDS.keySet() + " / no facility field '" + e.getKey() + "'");
                }
                String source = e.getValue() == null || e.getValue().isBlank() ? null : e.getValue();
                if (source != null && !preview.fields().contains(source)) {
                    throw ProblemException.badParameter("mapping", "文件中没有字段 '" + source + "'，可选："
                            + preview.fields() + " / the file has no field '" + source + "'");
                }
                mapping.put(e.getKey(), source);
            }
        }
        Options readOpts = json.readValue(job.optionsJson(), Options.class);
        Crs crs = Crs.parse(job.crsCode());
        FacilityRead read;
        try {
            read = readFacilities(file, job.fileName(), new ReadOptions(Charset.forName(job.encoding()),
                    readOpts.lonColumn(), readOpts.latColumn(), readOpts.wktColumn(), maxBytes * 20, 0), crs, mapping,
                    job.id());
        } catch (FormatException e) {
            throw ProblemException.badParameter("file", e.getMessage());
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < read.parsed().size(); i++) {
            FacilityLayerImport.Parsed parsed = read.parsed().get(i);
            for (FacilityImports.Issue p : problemsOf(parsed, read.checks().get(i))) {
                errors.add("#" + parsed.row().index() + ": " + p.reason());
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "Import refused",
                    errors.size() + " 个问题，未导入任何数据 / " + errors.size() + " problems, nothing was imported: "
                            + String.join("; ", errors.subList(0, Math.min(20, errors.size())))
                            + (errors.size() > 20 ? " …" : ""), "file");
        }
        FacilityImports.Outcome outcome = facilityImports.write(read.parsed().stream()
                .map(FacilityLayerImport.Parsed::row).toList());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", job.id());
        result.put("layer", job.layer());
        result.put("created", outcome.created());
        result.put("updated", outcome.updated());
        result.put("crs", crs.code());
        result.put("conversion", crs.conversionToWgs84());
        result.put("mapping", mapping);
        return result;
    }

    /** Imports follow who may edit: division layers ADMIN and the officers, facilities PLANNER and ADMIN. */
    private static void requireRole(String layer) {
        boolean facilities = FACILITIES.equals(layer);
        List<String> roles = facilities ? FACILITY_ROLES : DIVISION_ROLES;
        if (!CurrentUser.hasAnyRole(SecurityContextHolder.getContext().getAuthentication(),
                roles.toArray(String[]::new))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", facilities
                    ? "只有规划人员和管理员可以导入设施 / only planners and administrators may import facilities"
                    : "只有管理员、地名和界线工作人员可以导入区划图层 / only administrators and the place-name and boundary "
                            + "officers may import division layers", "layer");
        }
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
        Map<String, String> mapping;
        Long creates;
        Long updates;
        List<ImportPreview.PreviewPoint> points;

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
                    box, fields, codeField, warnings, problemCount, problems, unknown, invalid, status, mapping, creates,
                    updates, points);
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

}
