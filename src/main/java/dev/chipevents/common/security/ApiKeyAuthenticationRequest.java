package dev.chipevents.common.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret a client sent in X-API-Key. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
