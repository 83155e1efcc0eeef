/**
 * Test kit for endpoint authors: run endpoints without ports on a manually driven main thread and
 * virtual time, connect them to fakes, inject faults between them, and replay journals.
 */
package org.actorrpc.test;
