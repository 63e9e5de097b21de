using DataOps.Domain.Common;

namespace DataOps.Domain.Sanitization;

/// <summary>
/// Settings of one sanitization run. <see cref="Salt"/> keys the pseudonyms (use one per client: the same input
/// and salt always give the same pseudonym, different clients get unrelated ones). <see cref="DateShift"/>
/// moves every date by the same amount (zero keeps dates as they are); distances between dates are kept either way.
/// <see cref="KnownNames"/> lists people's names to find in free text beyond those in the record's name fields.
/// </summary>
public sealed record SanitizationOptions
{
    /// <summary>Creates options; throws <see cref="DomainValidationException"/> for an empty salt.</summary>
    public SanitizationOptions(string salt, TimeSpan dateShift = default, IReadOnlyList<string>? knownNames = null)
    {
        if (string.IsNullOrEmpty(salt))
        {
            throw new DomainValidationException("salt", "must not be empty");
        }

        Salt = salt;
        DateShift = dateShift;
        KnownNames = knownNames ?? [];
    }

    /// <summary>Key for deterministic pseudonyms.</summary>
    public string Salt { get; }

    /// <summary>Fixed offset added to every date.</summary>
    public TimeSpan DateShift { get; }

    /// <summary>People's names to anonymize wherever they appear in text.</summary>
    public IReadOnlyList<string> KnownNames { get; }
}
