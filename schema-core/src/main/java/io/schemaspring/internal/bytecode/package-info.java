/** ASM helpers shared by the library's generated classes; not an API. */
@NullMarked
package io.schemaspring.internal.bytecode;

import org.jspecify.annotations.NullMarked;
