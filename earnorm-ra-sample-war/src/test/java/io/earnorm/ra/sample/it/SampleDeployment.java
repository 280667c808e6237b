package io.earnorm.ra.sample.it;

import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * The deployments of the in-container tests: the sample application exactly as Maven packaged it,
 * so that its own connection factory definitions are the ones under test, plus the test classes.
 * The API and the adapter come from the RAR, which the post-boot commands deploy first.
 */
final class SampleDeployment {

    private SampleDeployment() {
    }

    /** The sample application alone, for tests that call it over HTTP. */
    static WebArchive application() {
        PayaraBackends.publish();
        return packaged();
    }

    /** The sample application alone, on a server booted with a test's own system properties. */
    static WebArchive application(Map<String, String> extraProperties) {
        PayaraBackends.publish(extraProperties, "");
        return packaged();
    }

    /** The sample application with test classes, on a server booted with a test's own system properties and post-boot commands. */
    static WebArchive withTests(Map<String, String> extraProperties, String extraCommands, Class<?>... classes) {
        PayaraBackends.publish(extraProperties, extraCommands);
        return packaged().addClasses(classes).addAsLibrary(jarOf(Assertions.class));
    }

    private static WebArchive packaged() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("earnorm.sample.war")));
    }

    /** The sample application with test classes that run inside the server, and AssertJ for them. */
    static WebArchive withTests(Class<?>... classes) {
        return withTests(Map.of(), "", classes);
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
