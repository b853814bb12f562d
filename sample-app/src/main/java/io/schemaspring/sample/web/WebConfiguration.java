package io.schemaspring.sample.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final Tenants tenants;

    WebConfiguration(Tenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TenantInterceptor(this.tenants)).addPathPatterns("/api/tenants/**", "/tenants/**");
    }

}
