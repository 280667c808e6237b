package io.earnorm.ra.demo;

/** The demo's output. Never fails: at exit, Maven's console may already be closing, and the cleanup must go on. */
final class Console {

    private Console() {
    }

    static void say(String line) {
        try {
            System.out.println(line);
            System.out.flush();
        } catch (RuntimeException consoleGone) {
            // the line is lost, the work goes on
        }
    }
}
