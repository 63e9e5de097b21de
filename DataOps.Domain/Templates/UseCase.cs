using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DataOps.Domain.Common;

namespace DataOps.Domain.Templates;

/// <summary>
/// A template use case such as <c>developer_productivity</c> or <c>clinical_workflows</c>: snake_case
/// (lower-case letters, digits, single underscores), starting with a letter, at most <see cref="MaxLength"/>
/// characters. Input is normalised to lower case so <c>Developer_Productivity</c> is accepted.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<UseCase>))]
public readonly record struct UseCase : IStringValue<UseCase>
{
    /// <summary>Longest accepted value.</summary>
    public const int MaxLength = 64;

    /// <summary>Wire name of the field, used in validation errors.</summary>
    public const string FieldName = "useCase";

    private readonly string? _value;

    private UseCase(string value) => _value = value;

    /// <summary>The snake_case use case; empty only for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Creates the use case or throws <see cref="DomainValidationException"/>.</summary>
    public static UseCase Create(string? value)
        => TryCreate(value, out var useCase, out var error) ? useCase : throw new DomainValidationException(FieldName, error);

    /// <summary>Creates the use case; on failure returns false and the reason.</summary>
    public static bool TryCreate(string? value, out UseCase useCase, [NotNullWhen(false)] out string? error)
    {
        useCase = default;
        error = IdentifierRules.Check(value, MaxLength, allowInnerSpaces: false);
        if (error is not null)
        {
            return false;
        }

        var normalized = value!.ToLowerInvariant();
        if (normalized[0] is < 'a' or > 'z')
        {
            error = "must start with a letter";
            return false;
        }

        foreach (var c in normalized)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                error = "may contain only letters, digits and '_' (snake_case)";
                return false;
            }
        }

        if (normalized.EndsWith('_') || normalized.Contains("__", StringComparison.Ordinal))
        {
            error = "must not end with '_' or contain '__'";
            return false;
        }

        useCase = new UseCase(normalized);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
