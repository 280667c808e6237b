package io.earnorm.ra.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority and a server certificate it signed, made by {@code openssl} when a test
 * asks, valid for two days and for 127.0.0.1 only (so that {@code localhost} does not match). Nothing
 * trusts them outside the test; the files live in a temporary folder.
 *
 * @param dir        the folder holding them
 * @param caCert     the authority's certificate (PEM), what a client trusts
 * @param serverCert the server's certificate (PEM)
 * @param serverKey  the server's private key (PEM, readable by its owner only)
 */
public record TestCertificates(Path dir, Path caCert, Path serverCert, Path serverKey) {

    /** Makes an authority and a server certificate for IP 127.0.0.1. */
    public static TestCertificates create(String authorityName) {
        try {
            Path dir = Files.createTempDirectory("earnorm-tls-");
            Path caKey = dir.resolve("ca.key");
            Path ca = dir.resolve("ca.pem");
            Path key = dir.resolve("server.key");
            Path csr = dir.resolve("server.csr");
            Path cert = dir.resolve("server.pem");
            Path ext = Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n", StandardCharsets.UTF_8);
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", ca.toString(),
                    "-days", "2", "-subj", "/CN=" + authorityName);
            openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=127.0.0.1");
            openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(), "-CAcreateserial",
                    "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new TestCertificates(dir, ca, cert, key);
        } catch (IOException e) {
            throw new IllegalStateException("could not make test certificates", e);
        }
    }

    /** A client certificate signed by this authority, with its key, in a PKCS#12 file protected by {@code password}. */
    public Path clientKeyStore(String password) {
        try {
            Path key = dir.resolve("client.key");
            Path csr = dir.resolve("client.csr");
            Path cert = dir.resolve("client.pem");
            Path p12 = dir.resolve("client.p12");
            openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=earnorm-client");
            openssl(dir, "x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", dir.resolve("ca.key").toString(),
                    "-CAcreateserial", "-out", cert.toString(), "-days", "2");
            openssl(dir, "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-out", p12.toString(),
                    "-passout", "pass:" + password);
            return p12;
        } catch (IOException e) {
            throw new IllegalStateException("could not make a client certificate", e);
        }
    }

    /** The server's certificate and key in a PKCS#12 file protected by {@code password}, for a Java server socket. */
    public Path serverKeyStore(String password) {
        try {
            Path p12 = dir.resolve("server.p12");
            openssl(dir, "pkcs12", "-export", "-in", serverCert.toString(), "-inkey", serverKey.toString(), "-out", p12.toString(),
                    "-passout", "pass:" + password);
            return p12;
        } catch (IOException e) {
            throw new IllegalStateException("could not make the server's key store", e);
        }
    }

    /** Hands the server's files to an OS user (a server that runs as {@code postgres} must own its key). */
    public TestCertificates ownedBy(String osUser) {
        try {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
            for (Path p : List.of(dir, serverCert, serverKey, caCert)) {
                Files.setOwner(p, owner);
            }
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("could not hand " + dir + " to " + osUser, e);
        }
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("openssl " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
