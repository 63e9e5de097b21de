using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DataOps.Domain.Common;

namespace DataOps.Domain.Datasets;

/// <summary>A human-readable dataset name, at most <see cref="MaxLength"/> characters, single inner spaces allowed.</summary>
[JsonConverter(typeof(StringValueJsonConverter<DatasetName>))]
public readonly record struct DatasetName : IStringValue<DatasetName>
{
    /// <summary>Longest accepted value.</summary>
    public const int MaxLength = 128;

    /// <summary>Wire name of the field, used in validation errors.</summary>
    public const string FieldName = "name";

    private readonly string? _value;

    private DatasetName(string value) => _value = value;

    /// <summary>The name; empty only for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The conventional name <c>{clientName}-{stage}-{datasetType}</c>, e.g. <c>ACME-sandbox-confluence_pages</c>.</summary>
    public static DatasetName For(ClientName clientName, Stage stage, DatasetType datasetType)
        => new($"{clientName.Value}-{stage.ToWireName()}-{datasetType.ToWireName()}");

    /// <summary>Creates the name or throws <see cref="DomainValidationException"/>.</summary>
    public static DatasetName Create(string? value)
        => TryCreate(value, out var name, out var error) ? name : throw new DomainValidationException(FieldName, error);

    /// <summary>Creates the name; on failure returns false and the reason.</summary>
    public static bool TryCreate(string? value, out DatasetName name, [NotNullWhen(false)] out string? error)
    {
        error = IdentifierRules.Check(value, MaxLength, allowInnerSpaces: true);
        name = error is null ? new DatasetName(value!) : default;
        return error is null;
    }

    /// <inheritdoc/>
    public override string ToString() => Value;
}
