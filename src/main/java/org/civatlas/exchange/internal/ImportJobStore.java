package org.civatlas.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.civatlas.common.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The import jobs (table import_job): an upload with the bytes of its file, its preview, its status and the result
 * of its commit, all kept in the database, so that any node behind a load balancer can preview or commit any upload.
 * Readers that need a file get a local copy in a temporary folder of its own, deleted when the copy is closed.
 *
 * <p>A commit claims its job first, inside the commit's transaction ({@link #claim}): a conditional update from
 * PREVIEWED to COMMITTING that only one transaction can make. A second commit waits for the row lock and then finds
 * the job taken (409); a commit that fails rolls the claim back with everything else, so the job stays PREVIEWED.
 */
@Component
public class ImportJobStore {

    public static final String PREVIEWED = "PREVIEWED";
    public static final String COMMITTING = "COMMITTING";
    public static final String COMMITTED = "COMMITTED";

    /** A stored job, without its file. */
    public record Job(String id, String layer, String fileName, String crsCode, String encoding, String optionsJson,
            String status, String previewJson, String resultJson) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final long maxBytes;

    ImportJobStore(JdbcTemplate jdbc, ObjectMapper json,
            @Value("${civatlas.imports.max-bytes:268435456}") long maxBytes) {
        this.jdbc = jdbc;
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** Copies an upload to a local file (refused with 413 past civatlas.imports.max-bytes) for its preview. */
    public LocalFile receive(InputStream content, long declaredSize, String fileName) throws IOException {
        if (declaredSize > maxBytes) {
            throw tooLarge();
        }
        LocalFile local = LocalFile.create(fileName);
        boolean done = false;
        try (OutputStream out = Files.newOutputStream(local.path())) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = content.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            done = true;
            return local;
        } finally {
            if (!done) {
                local.close();
            }
        }
    }

    /** Stores a previewed job with its file's bytes, streamed from the local copy. */
    @Transactional
    public void create(Job job, String createdBy, Instant createdAt, Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream content = Files.newInputStream(file)) {
            jdbc.update(connection -> {
                PreparedStatement insert = connection.prepareStatement("INSERT INTO import_job (id, layer, file_name, "
                        + "crs_code, encoding, options_json, status, preview_json, created_by, created_at, content) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                insert.setString(1, job.id());
                insert.setString(2, job.layer());
                insert.setString(3, job.fileName());
                insert.setString(4, job.crsCode());
                insert.setString(5, job.encoding());
                insert.setString(6, job.optionsJson());
                insert.setString(7, PREVIEWED);
                insert.setString(8, job.previewJson());
                insert.setString(9, createdBy);
                insert.setTimestamp(10, Timestamp.from(createdAt));
                insert.setBinaryStream(11, content, size);
                return insert;
            });
        }
    }

    /** The job, or a 404 problem. */
    @Transactional(readOnly = true)
    public Job require(String id) {
        List<Job> found = jdbc.query("SELECT id, layer, file_name, crs_code, encoding, options_json, status, "
                + "preview_json, result_json FROM import_job WHERE id = ?", (rs, row) -> new Job(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9)), id == null ? "" : id);
        if (found.isEmpty()) {
            throw ProblemException.notFound("没有编号为 " + id + " 的导入 / no import " + id);
        }
        return found.get(0);
    }

    /**
     * Takes the job for the commit running in the current transaction, or answers 409: already committed (with
     * the first commit's result) or being committed by another request. The row stays locked until the transaction
     * ends; its rollback returns the job to PREVIEWED.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(String id) {
        int claimed;
        try {
            claimed = jdbc.update("UPDATE import_job SET status = ? WHERE id = ? AND status = ?", COMMITTING, id,
                    PREVIEWED);
        } catch (ConcurrencyFailureException | QueryTimeoutException e) {
            // H2 waits for the other commit's row lock only up to its lock timeout
            throw beingCommitted();
        }
        if (claimed == 0) {
            throw notCommittable(require(id));
        }
    }

    /** Records the result of the commit that claimed the job, in the same transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void finish(String id, String resultJson, Instant committedAt) {
        int finished = jdbc.update("UPDATE import_job SET status = ?, result_json = ?, committed_at = ? WHERE id = ? "
                + "AND status = ?", COMMITTED, resultJson, Timestamp.from(committedAt), id, COMMITTING);
        if (finished != 1) {
            throw new IllegalStateException("import " + id + " was not claimed by this transaction");
        }
    }

    /** A local copy of the job's file for one preview or commit; close it (try-with-resources) to delete it. */
    @Transactional(readOnly = true)
    public LocalFile materialise(Job job) throws IOException {
        LocalFile local = LocalFile.create(job.fileName());
        boolean done = false;
        try {
            Boolean copied = jdbc.query("SELECT content FROM import_job WHERE id = ?", rs -> {
                if (!rs.next()) {
                    return false;
                }
                try (InputStream in = rs.getBinaryStream(1)) {
                    if (in == null) {
                        return false;
                    }
                    Files.copy(in, local.path(), StandardCopyOption.REPLACE_EXISTING);
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, job.id());
            if (!Boolean.TRUE.equals(copied)) {
                throw new ProblemException(HttpStatus.CONFLICT, "Upload not kept", "该导入的文件没有保存在数据库中"
                        + "（在文件存入数据库之前上传），请重新上传 / this import's file is not kept in the database (it "
                        + "was uploaded before files were): upload it again", "id");
            }
            done = true;
            return local;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (!done) {
                local.close();
            }
        }
    }

    private ProblemException notCommittable(Job job) {
        if (COMMITTED.equals(job.status())) {
            ProblemException problem = new ProblemException(HttpStatus.CONFLICT, "Already committed", "该导入已提交，"
                    + "未再次写入；首次提交的结果见 result / this import is already committed and was not written again: "
                    + "the first commit's result is in result", "id");
            problem.with("status", COMMITTED);
            if (job.resultJson() != null) {
                problem.with("result", json.readValue(job.resultJson(), LinkedHashMap.class));
            }
            return problem;
        }
        if (PREVIEWED.equals(job.status()) || COMMITTING.equals(job.status())) {
            return beingCommitted();
        }
        return new ProblemException(HttpStatus.CONFLICT, "Already " + job.status().toLowerCase(Locale.ROOT),
                "该导入已结束 / this import is already " + job.status(), "id").with("status", job.status());
    }

    private static ProblemException beingCommitted() {
        return new ProblemException(HttpStatus.CONFLICT, "Being committed", "该导入正在由另一个请求提交，请稍后查看其"
                + "结果 / this import is being committed by another request: look at its result shortly", "id")
                .with("status", COMMITTING);
    }

    private ProblemException tooLarge() {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "File too large", "文件超过 " + maxBytes / 1048576
                + " MB 上限 / the file is larger than " + maxBytes + " bytes", "file");
    }

    /** A file in a temporary folder of its own; closing it deletes the folder. */
    public static final class LocalFile implements AutoCloseable {

        private final Path folder;
        private final Path path;

        private LocalFile(Path folder, Path path) {
            this.folder = folder;
            this.path = path;
        }

        /** The readers pick the format by the name, so the copy keeps it. */
        static LocalFile create(String fileName) throws IOException {
            Path folder = Files.createTempDirectory("civatlas-import-");
            return new LocalFile(folder, folder.resolve(fileName));
        }

        public Path path() {
            return path;
        }

        @Override
        public void close() {
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary folder is harmless
            }
        }
    }
}
