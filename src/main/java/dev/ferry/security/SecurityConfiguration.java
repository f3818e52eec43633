package dev.ferry.security;

import java.time.Clock;

import dev.ferry.system.FerryProperties;

import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Nobody uses Ferry anonymously. The API ({@code /api/**}) takes HTTP Basic, keeps no
 * session and needs no CSRF token, but refuses changes a browser says come from another
 * site ({@link CrossSiteRequests}); reading needs VIEWER or ADMIN, anything else ADMIN.
 * The dashboard has a form login with a session cookie, CSRF protection and a logout.
 * Open without login: the health endpoints for Kubernetes probes and the login page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

	private static final String[] ANY_ROLE = { Role.ADMIN.name(), Role.VIEWER.name() };

	@Bean
	InMemoryUserDetailsManager users(SecurityProperties properties, FerryProperties ferry) {
		return FerryUsers.of(properties, ferry);
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		return new DefaultAuthenticationEventPublisher(events);
	}

	@Bean
	LoginAttempts loginAttempts(SecurityProperties properties, Clock clock, JsonMapper mapper) {
		return new LoginAttempts(new LoginThrottle(properties.freeLoginFailures(), clock), new Problems(mapper));
	}

	/**
	 * The filter runs inside the security chains only, not once more for every request.
	 */
	@Bean
	FilterRegistrationBean<LoginAttempts> loginAttemptsOnlyInTheChains(LoginAttempts attempts) {
		FilterRegistrationBean<LoginAttempts> registration = new FilterRegistrationBean<>(attempts);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, LoginAttempts attempts, JsonMapper mapper) throws Exception {
		Problems problems = new Problems(mapper);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyRole(ANY_ROLE)
				.anyRequest()
				.hasRole(Role.ADMIN.name()))
			.httpBasic((basic) -> basic.realmName(Problems.REALM).authenticationEntryPoint(problems))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// no token: the browser's own headers give cross-site requests away
			.csrf((csrf) -> csrf.disable())
			.addFilterBefore(attempts, BasicAuthenticationFilter.class)
			// first, so that another site cannot even make a browser count failed logins
			.addFilterBefore(new CrossSiteRequests(problems), LoginAttempts.class)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain web(HttpSecurity http, LoginAttempts attempts) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				// the error page of a request that was itself refused or failed
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/login")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMIN.name())
				// the dashboard's buttons: run, pause, resume, test connection, cancel
				.requestMatchers(HttpMethod.POST, "/jobs/**", "/runs/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.hasAnyRole(ANY_ROLE))
			.formLogin((form) -> form.loginPage("/login").permitAll())
			// scripts may read the dashboard with Basic too
			.httpBasic((basic) -> basic.realmName(Problems.REALM))
			.logout((logout) -> logout.logoutUrl("/logout")
				.invalidateHttpSession(true)
				.clearAuthentication(true)
				.deleteCookies("JSESSIONID")
				.logoutSuccessUrl("/login?logout"))
			.addFilterBefore(attempts, UsernamePasswordAuthenticationFilter.class)
			.build();
	}

}
