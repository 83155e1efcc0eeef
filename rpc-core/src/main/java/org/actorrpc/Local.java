package org.actorrpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a gateway method that is only ever invoked locally: its arguments and result are passed by
 * reference and are never serialized, even when the service forces serialization of local calls
 * (a test setting). It does not make a remote call local; a remote invocation of such a method
 * still needs serializable arguments.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Local {

}
