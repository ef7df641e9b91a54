package org.civatlas.exchange.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Size guards. */
final class Limits {

    private Limits() {
    }

    /** Thrown (as an IOException, so it travels through parsers) when a stream exceeds its byte limit. */
    static final class LimitExceededException extends IOException {
        final long limit;

        LimitExceededException(long limit) {
            super("more than " + limit + " bytes");
            this.limit = limit;
        }
    }

    static FormatException tooLarge(String what, long limit) {
        return new FormatException(
                what + " 超过大小上限 " + human(limit) + "，请拆分或压缩数据后再导入",
                what + " exceeds the size limit of " + human(limit) + ": split the data (or simplify it) and import "
                        + "the parts", "file");
    }

    static void checkFileSize(Path file, long limit) throws FormatException {
        try {
            if (Files.size(file) > limit) {
                throw tooLarge("文件 / The file", limit);
            }
        } catch (IOException e) {
            throw new FormatException("无法读取文件", "The file cannot be read: " + e.getMessage(), "file", e);
        }
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format("%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format("%.1f MiB", bytes / (double) (1L << 20));
        }
        return bytes + " bytes";
    }

    /** Counts bytes and fails beyond a limit. */
    static final class CountingInputStream extends FilterInputStream {
        private final long limit;
        private long count;

        CountingInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            add(s);
            return s;
        }

        private void add(long n) throws LimitExceededException {
            count += n;
            if (count > limit) {
                throw new LimitExceededException(limit);
            }
        }
    }
}
