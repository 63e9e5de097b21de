using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DataOps.Domain.Common;

namespace DataOps.Domain.Datasets;

/// <summary>
/// Identifies a dataset. An opaque string (a GUID is fine but not required) of at most <see cref="MaxLength"/>
/// characters, without whitespace, control characters or the characters listed in <see cref="IdentifierRules"/>.
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<DatasetId>))]
public readonly record struct DatasetId : IStringValue<DatasetId>
{
    /// <summary>Longest accepted value.</summary>
    public const int MaxLength = 64;

    /// <summary>Wire name of the field, used in validation errors.</summary>
    public const string FieldName = "datasetId";

    private readonly string? _value;

    private DatasetId(string value) => _value = value;

    /// <summary>The id as a string; empty only for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Creates the id or throws <see cref="DomainValidationException"/> naming the field and the reason.</summary>
    public static DatasetId Create(string? value)
        => TryCreate(value, out var id, out var error) ? id : throw new DomainValidationException(FieldName, error);

    /// <summary>Creates the id; on failure returns false and the reason (for HTTP validation).</summary>
    public static bool TryCreate(string? value, out DatasetId id, [NotNullWhen(false)] out string? error)
    {
        error = IdentifierRules.Check(value, MaxLength, allowInnerSpaces: false);
        id = error is null ? new DatasetId(value!) : default;
        return error is null;
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
