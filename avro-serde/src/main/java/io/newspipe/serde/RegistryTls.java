package io.newspipe.serde;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * TLS towards the registry from Confluent's {@code schema.registry.ssl.*} keys: a truststore for a registry whose
 * certificate the JDK does not trust (self-signed, a company CA), a keystore when the registry asks for a client
 * certificate. Without any of them the JDK defaults apply.
 *
 * @param truststoreLocation            file of trusted certificates, or null for the JDK's
 * @param truststorePassword            its password, or null
 * @param truststoreType                JKS (default, which also reads PKCS12) or PKCS12
 * @param keystoreLocation              file with the client's key and certificate, or null for none
 * @param keystorePassword              its password, or null
 * @param keystoreType                  JKS (default) or PKCS12
 * @param keyPassword                   the key's password when it differs from the keystore's, or null
 * @param protocol                      the SSLContext protocol (default TLS)
 * @param verifyHostname                false when {@code schema.registry.ssl.endpoint.identification.algorithm} is
 *                                      empty: the certificate chain is still checked, its host name is not
 */
public record RegistryTls(String truststoreLocation, String truststorePassword, String truststoreType,
        String keystoreLocation, String keystorePassword, String keystoreType, String keyPassword, String protocol,
        boolean verifyHostname) {

    public static final String PREFIX = "schema.registry.ssl.";
    public static final String TRUSTSTORE_LOCATION = PREFIX + "truststore.location";
    public static final String TRUSTSTORE_PASSWORD = PREFIX + "truststore.password";
    public static final String TRUSTSTORE_TYPE = PREFIX + "truststore.type";
    public static final String KEYSTORE_LOCATION = PREFIX + "keystore.location";
    public static final String KEYSTORE_PASSWORD = PREFIX + "keystore.password";
    public static final String KEYSTORE_TYPE = PREFIX + "keystore.type";
    public static final String KEY_PASSWORD = PREFIX + "key.password";
    public static final String PROTOCOL = PREFIX + "protocol";
    public static final String ENDPOINT_IDENTIFICATION_ALGORITHM = PREFIX + "endpoint.identification.algorithm";

    /** Every key this record reads. */
    public static final java.util.List<String> KEYS = java.util.List.of(TRUSTSTORE_LOCATION, TRUSTSTORE_PASSWORD,
            TRUSTSTORE_TYPE, KEYSTORE_LOCATION, KEYSTORE_PASSWORD, KEYSTORE_TYPE, KEY_PASSWORD, PROTOCOL,
            ENDPOINT_IDENTIFICATION_ALGORITHM);

    /** Whether anything differs from the JDK's defaults. */
    public boolean configured() {
        return truststoreLocation != null || keystoreLocation != null || !verifyHostname
                || !"TLS".equals(protocol);
    }

    /** The SSLContext for the registry's HTTPS connections; a clear error naming the key when a store is unusable. */
    public SSLContext sslContext() {
        try {
            KeyManager[] keyManagers = null;
            if (keystoreLocation != null) {
                KeyStore keys = load(KEYSTORE_LOCATION, keystoreLocation, keystoreType, keystorePassword);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String pass = keyPassword != null ? keyPassword : keystorePassword;
                kmf.init(keys, pass == null ? new char[0] : pass.toCharArray());
                keyManagers = kmf.getKeyManagers();
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(truststoreLocation == null ? null
                    : load(TRUSTSTORE_LOCATION, truststoreLocation, truststoreType, truststorePassword));
            TrustManager[] trustManagers = tmf.getTrustManagers();
            if (!verifyHostname) {
                for (int i = 0; i < trustManagers.length; i++) {
                    if (trustManagers[i] instanceof X509TrustManager x509) {
                        trustManagers[i] = new ChainOnlyTrustManager(x509);
                    }
                }
            }
            SSLContext context = SSLContext.getInstance(protocol);
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot set up TLS to the Schema Registry (" + PREFIX + "*): " + e, e);
        }
    }

    private static KeyStore load(String key, String location, String type, String password)
            throws GeneralSecurityException {
        Path file = Path.of(location);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("'" + key + "' names " + location + ", which is not a readable file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + type + " store " + location + " ('" + key + "'): "
                    + e.getMessage() + " (wrong password or type?)", e);
        }
    }

    /**
     * Checks the certificate chain and nothing else. The JDK's HTTP client checks the host name inside the trust
     * manager's engine variant; an extended trust manager is used as it is, so this one skips that step.
     */
    private static final class ChainOnlyTrustManager extends X509ExtendedTrustManager {
        private final X509TrustManager delegate;

        ChainOnlyTrustManager(X509TrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
