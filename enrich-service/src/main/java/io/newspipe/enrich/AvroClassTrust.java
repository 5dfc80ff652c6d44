package io.newspipe.enrich;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to load any SpecificRecord class it does not trust (ClassSecurityValidator), which makes the
 * serde fail on newspipe's own generated classes. Trust the package of the contract classes, process-wide.
 *
 * <p>Workaround living here until the serde (avro-serde) does this itself; then delete this class.
 */
final class AvroClassTrust {

    private static final String SCHEMAS_PACKAGE = "io.newspipe.schemas";
    private static boolean installed;

    private AvroClassTrust() {
    }

    static synchronized void trustContractClasses() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
                type -> SCHEMAS_PACKAGE.equals(type.getPackageName())));
        installed = true;
    }
}
