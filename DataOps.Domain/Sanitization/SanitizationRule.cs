namespace DataOps.Domain.Sanitization;

/// <summary>The sanitization rules for pilot data (ARCH-004), counted in a <see cref="SanitizationReport"/>.</summary>
public enum SanitizationRule
{
    /// <summary>A person's name replaced by a deterministic pseudonym.</summary>
    NameAnonymized,

    /// <summary>An e-mail address replaced by a fake but valid one on example.com.</summary>
    EmailReplaced,

    /// <summary>A phone number removed.</summary>
    PhoneRemoved,

    /// <summary>A social security number (or SSN-like value) removed.</summary>
    SsnRemoved,

    /// <summary>A credential (password, API key, token, private key) removed.</summary>
    CredentialRemoved,

    /// <summary>A whole field removed because its name marks it sensitive (password, token, phone, ssn...).</summary>
    SensitiveFieldRemoved,

    /// <summary>A date shifted by the fixed offset (relative distances between dates are kept).</summary>
    DateShifted,
}
