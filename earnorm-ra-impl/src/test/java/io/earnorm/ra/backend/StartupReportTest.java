package io.earnorm.ra.backend;

import io.earnorm.ra.pool.Backend;
import io.earnorm.ra.pool.PoolConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class StartupReportTest {

    private final Logger log = Logger.getLogger(StartupReport.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    StartupReportTest() {
        log.addHandler(capture);
    }

    @AfterEach
    void detach() {
        log.removeHandler(capture);
    }

    /** A backend that says it reached "primary db:5432" and accepts {@code limit} connections. */
    private static Backend<String> probing(OptionalInt limit) {
        abstract class Probing implements Backend<String>, TopologyProbe<String> {
        }
        return new Probing() {
            @Override public String type() { return "fake"; }
            @Override public String describe() { return "db:5432"; }
            @Override public String open() { return "c"; }
            @Override public boolean validate(String c, Duration t) { return true; }
            @Override public void close(String c) { }
            @Override public String describeTopology(String c) { return "primary postgresql://app:s3cret@db:5432"; }
            @Override public OptionalInt connectionLimit(String c) { return limit; }
        };
    }

    @Test
    void logsTheTopologyMaskedAndWarnsWhenMaxSizeTimesInstancesExceedsTheServersLimit() {
        StartupReport.Findings findings = StartupReport.run("users", probing(OptionalInt.of(100)), "c", 30, 4);

        assertThat(findings.overLimit()).isTrue();
        assertThat(findings.wanted()).isEqualTo(120);
        assertThat(findings.topology()).isEqualTo("primary postgresql://app:****@db:5432").doesNotContain("s3cret");
        assertThat(records).anyMatch(r -> r.getLevel() == Level.INFO && r.getMessage().contains("connected to primary postgresql://app:****@db:5432"));
        assertThat(records).anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().contains("maxSize 30 x 4 instance(s) = 120 connections, more than the 100"));
    }

    @Test
    void withAFleetBudgetComparesTheBudgetAndTheCountingConnectionsNotMaxSizeTimesInstances() {
        PoolConfig.Builder fleet = PoolConfig.builder().maxSize(40).instances(4);

        StartupReport.Findings within = StartupReport.run("users", probing(OptionalInt.of(100)), "c", fleet.fleetMaxSize(90).build());
        assertThat(within.wanted()).isEqualTo(94);
        assertThat(within.overLimit()).isFalse();
        assertThat(records).noneMatch(r -> r.getLevel() == Level.WARNING);

        StartupReport.Findings over = StartupReport.run("users", probing(OptionalInt.of(100)), "c", fleet.fleetMaxSize(97).build());
        assertThat(over.overLimit()).isTrue();
        assertThat(records).anyMatch(r -> r.getLevel() == Level.WARNING
                && r.getMessage().contains("fleetMaxSize 97 + 4 counting connection(s) (one per instance) = 101 connections, more than the 100"));
    }

    @Test
    void staysQuietWithinTheLimitAndWhenTheServerDoesNotSay() {
        assertThat(StartupReport.run("users", probing(OptionalInt.of(100)), "c", 25, 4).overLimit()).isFalse();
        assertThat(StartupReport.run("users", probing(OptionalInt.empty()), "c", 1000, 10).overLimit()).isFalse();
        assertThat(records).noneMatch(r -> r.getLevel() == Level.WARNING);
    }
}
