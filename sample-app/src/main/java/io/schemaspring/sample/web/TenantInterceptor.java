package io.schemaspring.sample.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses unknown tenants before any argument is resolved, so only known database schemas
 * are queried.
 */
class TenantInterceptor implements HandlerInterceptor {

    private final Tenants tenants;

    TenantInterceptor(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Map<String, String> variables = (Map<String, String>) request
            .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String tenant = variables == null ? null : variables.get("tenant");
        if (tenant != null && !this.tenants.contains(tenant)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no tenant with that name");
        }
        return true;
    }

}
