package org.civatlas.layers;

import org.civatlas.common.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETag and Cache-Control on OGC API and tile responses: an ETag from the body (a repeated request with
 * If-None-Match gets a 304), public caching for anonymous clients, private for staff, who may see more.
 */
@Configuration
class OgcCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> ogcEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> bean = new FilterRegistrationBean<>(
                new ShallowEtagHeaderFilter());
        bean.addUrlPatterns("/ogc/*", "/tiles/*");
        return bean;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> ogcCacheControl() {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if ("GET".equals(request.getMethod())) {
                    boolean anonymous = !CurrentUser.isStaff(SecurityContextHolder.getContext().getAuthentication());
                    response.setHeader("Cache-Control", anonymous ? "public, max-age=60"
                            : "private, max-age=0, must-revalidate");
                    response.setHeader("Vary", "Authorization, Cookie, Accept");
                }
                chain.doFilter(request, response);
            }
        });
        bean.addUrlPatterns("/ogc/*", "/tiles/*");
        return bean;
    }
}
