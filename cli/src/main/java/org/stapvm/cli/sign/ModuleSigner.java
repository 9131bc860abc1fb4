package org.stapvm.cli.sign;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Signs module bytes as scripts/sign-file signs a kernel module: a detached CMS SignedData over
 * the bytes, SHA-256, no signed attributes (the kernel refuses module signatures that have them),
 * the signer named by the certificate's issuer and serial number, no certificates carried.
 */
public final class ModuleSigner {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private final PrivateKey key;
    private final X509CertificateHolder certificate;

    private ModuleSigner(PrivateKey key, X509CertificateHolder certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /**
     * The signer of keyFile (PEM: the private key, and its X.509 certificate unless certFile names
     * it, PEM or DER), as the kernel's certs/signing_key.pem holds both.
     */
    public static ModuleSigner load(Path keyFile, Path certFile) throws Refused {
        PrivateKey key = null;
        X509CertificateHolder cert = null;
        for (Object o : pemObjects(keyFile)) {
            if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new Refused(keyFile + ": the private key is encrypted (stapvm signs with unencrypted keys only)");
            }
            try {
                if (o instanceof PEMKeyPair kp && key == null) {
                    key = new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(kp.getPrivateKeyInfo());
                } else if (o instanceof PrivateKeyInfo info && key == null) {
                    key = new JcaPEMKeyConverter().setProvider(BC).getPrivateKey(info);
                }
            } catch (IOException e) {
                throw new Refused(keyFile + ": unusable private key: " + e.getMessage());
            }
            if (o instanceof X509CertificateHolder c && cert == null && certFile == null) {
                cert = c;
            }
        }
        if (key == null) {
            throw new Refused(keyFile + ": no private key in the file (PEM expected)");
        }
        if (certFile != null) {
            cert = certificate(certFile);
        }
        if (cert == null) {
            throw new Refused(keyFile + ": no X.509 certificate in the file (give it with --sign-cert)");
        }
        return new ModuleSigner(key, cert);
    }

    /** The PKCS#7 DER that {@link SignatureTrailer#append} puts after module. */
    public byte[] sign(byte[] module) throws Refused {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default -> throw new Refused("signing key type " + key.getAlgorithm() + " is not supported (RSA or EC)");
        };
        try {
            ContentSigner signer = new JcaContentSignerBuilder(algorithm).setProvider(BC).build(key);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build(), ModuleSigner::kernelSignatureAlgorithm)
                    .setDirectSignature(true) // no signed attributes, as sign-file's CMS_NOATTR
                    .build(signer, certificate));
            return gen.generate(new CMSProcessableByteArray(module), false).toASN1Structure().getEncoded("DER");
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new Refused("cannot sign: " + e.getMessage());
        }
    }

    /**
     * The signatureAlgorithm written in the SignerInfo: the kernel's PKCS#7 parser (6.1,
     * pkcs7_sig_note_pkey_algo) takes RSA only as rsaEncryption, as OpenSSL writes it, and refuses
     * sha256WithRSAEncryption; ECDSA stays ecdsa-with-SHA256.
     */
    private static AlgorithmIdentifier kernelSignatureAlgorithm(AlgorithmIdentifier signature) {
        return signature.getAlgorithm().equals(PKCSObjectIdentifiers.sha256WithRSAEncryption)
                ? new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE)
                : signature;
    }

    /** Signs module and returns the signed file (an existing signature replaced). */
    public byte[] signedFile(byte[] file) throws Refused {
        byte[] module = file;
        if (SignatureTrailer.isSigned(file)) {
            try {
                module = SignatureTrailer.split(file).module();
            } catch (SignatureTrailer.Malformed e) {
                throw new Refused("the module's present signature is malformed (" + e.getMessage() + ")");
            }
        }
        return SignatureTrailer.append(module, sign(module));
    }

    private static X509CertificateHolder certificate(Path file) throws Refused {
        byte[] bytes = read(file);
        if (!new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN")) {
            try {
                return new X509CertificateHolder(bytes); // DER, as the kernel's signing_key.x509
            } catch (IOException | RuntimeException e) {
                throw new Refused(file + ": not an X.509 certificate (PEM or DER)");
            }
        }
        for (Object o : pemObjects(file)) {
            if (o instanceof X509CertificateHolder c) {
                return c;
            }
        }
        throw new Refused(file + ": no X.509 certificate in the file");
    }

    private static java.util.List<Object> pemObjects(Path file) throws Refused {
        java.util.List<Object> objects = new java.util.ArrayList<>();
        try (PEMParser p = new PEMParser(new StringReader(new String(read(file), StandardCharsets.ISO_8859_1)))) {
            for (Object o; (o = p.readObject()) != null; ) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused(file + ": cannot parse PEM: " + e.getMessage());
        }
        return objects;
    }

    private static byte[] read(Path file) throws Refused {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refused("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A key, certificate or module that cannot be signed with, and why. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }
}
