package org.actorrpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link java.time.Duration} parameter of a gateway method as that call's timeout. The
 * argument is still passed to the endpoint. Without it, a call uses the service's ask timeout.
 * Annotating a parameter of any other type is rejected when the gateway proxy is created.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface RpcTimeout {

}
