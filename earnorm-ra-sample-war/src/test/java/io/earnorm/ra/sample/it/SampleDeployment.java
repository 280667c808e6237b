package io.earnorm.ra.sample.it;

import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URISyntaxException;

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
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("earnorm.sample.war")));
    }

    /** The sample application with test classes that run inside the server, and AssertJ for them. */
    static WebArchive withTests(Class<?>... classes) {
        return application().addClasses(classes).addAsLibrary(jarOf(Assertions.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
