using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DataOps.Domain.Common;

namespace DataOps.Domain.Datasets;

/// <summary>
/// The client's display name as used in connector names (<c>ACME</c> in <c>ACME-sandbox-confluence</c>).
/// At most <see cref="MaxLength"/> characters; letters, digits, single inner spaces, <c>-</c>, <c>_</c> and <c>.</c>;
/// must start and end with a letter or digit. The narrow alphabet keeps connector and Glean datasource names
/// predictable and makes injection-looking input fail early.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<ClientName>))]
public readonly record struct ClientName : IStringValue<ClientName>
{
    /// <summary>Longest accepted value.</summary>
    public const int MaxLength = 64;

    /// <summary>Wire name of the field, used in validation errors.</summary>
    public const string FieldName = "clientName";

    private readonly string? _value;

    private ClientName(string value) => _value = value;

    /// <summary>The name; empty only for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Creates the name or throws <see cref="DomainValidationException"/>.</summary>
    public static ClientName Create(string? value)
        => TryCreate(value, out var name, out var error) ? name : throw new DomainValidationException(FieldName, error);

    /// <summary>Creates the name; on failure returns false and the reason.</summary>
    public static bool TryCreate(string? value, out ClientName name, [NotNullWhen(false)] out string? error)
    {
        name = default;
        error = IdentifierRules.Check(value, MaxLength, allowInnerSpaces: true);
        if (error is not null)
        {
            return false;
        }

        if (!char.IsLetterOrDigit(value![0]) || !char.IsLetterOrDigit(value[^1]))
        {
            error = "must start and end with a letter or digit";
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsLetterOrDigit(c) && c is not (' ' or '-' or '_' or '.'))
            {
                error = "may contain only letters, digits, spaces, '-', '_' and '.'";
                return false;
            }
        }

        if (value.Contains("  ", StringComparison.Ordinal))
        {
            error = "must not contain consecutive spaces";
            return false;
        }

        name = new ClientName(value);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
