/**
 * {@code zpa-doctor mcp}: ZPA Doctor as a Model Context Protocol server, on the official MCP Java SDK. Its tools call
 * the command line's own commands ({@link io.zpadoctor.examples.cli.CommandCalls}), so an assistant gets the same
 * diagnosis, words and errors as a person at a terminal; nothing here decides what is wrong.
 */
package io.zpadoctor.examples.mcp;
