package io.cacheguard.agent.htmlreport;

/** A line of the report that could not be read as an event, and why: the page names each one. */
record BadLine(int number, String reason) {
}
