using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using DataOps.Domain.Common;
using DataOps.Domain.Datasets;

namespace DataOps.Domain.Connectors;

/// <summary>
/// The name of a Glean connector, always of the form <c>{clientName}-{stage}-{connectorType}</c>
/// (e.g. <c>ACME-sandbox-confluence</c>). Build one with <c>ConnectorNaming.For</c>; <see cref="TryCreate"/>
/// accepts a stored or received name only if it has that form, so the parts can always be read back.
/// Names are unique across all stages; comparisons for uniqueness ignore case (see <c>RegistryInvariants</c>).
/// </summary>
[JsonConverter(typeof(StringValueJsonConverter<ConnectorName>))]
public readonly record struct ConnectorName : IStringValue<ConnectorName>
{
    /// <summary>Longest accepted value: a 64-character client name plus the longest stage and connector type.</summary>
    public const int MaxLength = 100;

    /// <summary>Wire name of the field, used in validation errors.</summary>
    public const string FieldName = "connectorName";

    private readonly string? _value;

    private ConnectorName(string value, ClientName clientName, Stage stage, ConnectorType connectorType)
    {
        _value = value;
        ClientName = clientName;
        Stage = stage;
        ConnectorType = connectorType;
    }

    /// <summary>The name; empty only for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The client part of the name.</summary>
    public ClientName ClientName { get; }

    /// <summary>The stage part of the name.</summary>
    public Stage Stage { get; }

    /// <summary>The connector type part of the name.</summary>
    public ConnectorType ConnectorType { get; }

    /// <summary>Parses a name or throws <see cref="DomainValidationException"/>.</summary>
    public static ConnectorName Create(string? value)
        => TryCreate(value, out var name, out var error) ? name : throw new DomainValidationException(FieldName, error);

    /// <summary>Parses a name of the form <c>{clientName}-{stage}-{connectorType}</c>; on failure returns false and the reason.</summary>
    public static bool TryCreate(string? value, out ConnectorName name, [NotNullWhen(false)] out string? error)
    {
        name = default;
        error = IdentifierRules.Check(value, MaxLength, allowInnerSpaces: true);
        if (error is not null)
        {
            return false;
        }

        // Parse from the end: the client name may itself contain '-'.
        var lastDash = value!.LastIndexOf('-');
        var stageDash = lastDash > 0 ? value.LastIndexOf('-', lastDash - 1) : -1;
        if (stageDash <= 0)
        {
            error = "must have the form {clientName}-{stage}-{connectorType}";
            return false;
        }

        var typePart = value[(lastDash + 1)..];
        var stagePart = value[(stageDash + 1)..lastDash];
        if (!WireNames.TryParse<ConnectorType>(typePart, out var connectorType) || !string.Equals(typePart, connectorType.Value.ToWireName(), StringComparison.Ordinal))
        {
            error = "must end with a known connector type in lower case (" + string.Join(", ", WireNames.AllowedNames<ConnectorType>()) + ")";
            return false;
        }

        if (!WireNames.TryParse<Stage>(stagePart, out var stage) || !string.Equals(stagePart, stage.Value.ToWireName(), StringComparison.Ordinal))
        {
            error = "must name a known stage in lower case (" + string.Join(", ", WireNames.AllowedNames<Stage>()) + ")";
            return false;
        }

        if (!ClientName.TryCreate(value[..stageDash], out var clientName, out var clientError))
        {
            error = "client part " + clientError;
            return false;
        }

        name = new ConnectorName(value, clientName, stage.Value, connectorType.Value);
        return true;
    }

    /// <summary>Builds the name from its parts; used by <c>ConnectorNaming.For</c>.</summary>
    internal static ConnectorName FromParts(ClientName clientName, Stage stage, ConnectorType connectorType)
        => new($"{clientName.Value}-{stage.ToWireName()}-{connectorType.ToWireName()}", clientName, stage, connectorType);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
