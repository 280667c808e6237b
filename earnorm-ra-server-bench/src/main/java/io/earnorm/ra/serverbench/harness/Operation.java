package io.earnorm.ra.serverbench.harness;

/** One call of what a step measures, such as one getConnection, one query and one close. */
@FunctionalInterface
public interface Operation {

    void call() throws Exception;
}
