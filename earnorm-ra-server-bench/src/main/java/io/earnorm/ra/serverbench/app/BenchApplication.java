package io.earnorm.ra.serverbench.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The harness endpoints, under {@code /api}: only the launcher calls them. */
@ApplicationPath("/api")
public class BenchApplication extends Application {
}
