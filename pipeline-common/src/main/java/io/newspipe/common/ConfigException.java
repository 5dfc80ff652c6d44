package io.newspipe.common;

/** Configuration that cannot work; the message names the setting and what is wrong with it. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
