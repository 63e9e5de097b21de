using DataOps.Glean.Documents;
using DataOps.Glean.Model;
using DataOps.Glean.Wire;
using System.Text.RegularExpressions;
using DataOps.Domain.Datasets;

namespace DataOps.Glean;

/// <summary>
/// Translates between the product's <see cref="GleanConnector"/> and Glean's <c>CustomDatasourceConfig</c>.
/// The connector name travels as <c>displayName</c>; type and stage come back from the object type and
/// the connector name, the view-URL root from the <c>urlRegex</c>.
/// </summary>
internal static class ConnectorConfigTranslator
{
    public static GleanConnector FromSpec(ConnectorSpec spec, IReadOnlyList<string> defaultBetaUsers)
    {
        var datasource = DatasourceNames.From(spec.ConnectorName);
        var root = spec.ViewUrlBase is { } given ? new Uri(given.GetLeftPart(UriPartial.Authority) + "/") : ViewUrls.DefaultBase(datasource);
        var isTest = spec.Stage != Stage.Production;
        var betaUsers = isTest
            ? defaultBetaUsers.Concat(spec.BetaUsers ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];
        return new GleanConnector(
            spec.ConnectorName,
            datasource,
            spec.DatasetType,
            spec.Stage,
            ConnectorKinds.ObjectType(spec.DatasetType),
            ViewUrls.RegexFor(root),
            root,
            isTest,
            betaUsers);
    }

    public static CustomDatasourceConfig ToConfig(GleanConnector connector)
    {
        var transformer = DocumentTransformers.For(connector.DatasetType);
        return new CustomDatasourceConfig
        {
            Name = connector.DatasourceName,
            DisplayName = connector.ConnectorName,
            DatasourceCategory = transformer.DatasourceCategory,
            UrlRegex = connector.UrlRegex,
            ObjectDefinitions = [transformer.Definition],
            IsUserReferencedByEmail = true,
            IsTestDatasource = connector.IsTestDatasource,
        };
    }

    /// <summary>The connector a datasource config describes; null when it was not created by this product.</summary>
    public static GleanConnector? FromConfig(CustomDatasourceConfig config, IReadOnlyList<string> betaUsers)
    {
        var objectType = config.ObjectDefinitions is { Count: > 0 } definitions ? definitions[0].Name : null;
        var type = Enum.GetValues<DatasetType>().Cast<DatasetType?>().FirstOrDefault(t => ConnectorKinds.ObjectType(t!.Value) == objectType);
        var stage = StageOf(config.DisplayName);
        var root = RootOf(config.UrlRegex);
        if (type is null || stage is null || root is null || config.DisplayName is null)
        {
            return null;
        }

        return new GleanConnector(
            config.DisplayName,
            config.Name,
            type.Value,
            stage.Value,
            objectType!,
            config.UrlRegex!,
            root,
            config.IsTestDatasource == true,
            betaUsers);
    }

    private static Stage? StageOf(string? connectorName)
    {
        var parts = connectorName?.Split('-') ?? [];
        return parts.Length >= 3 && WireNames.TryParse<Stage>(parts[^2], out var stage) ? stage : null;
    }

    private static Uri? RootOf(string? urlRegex)
    {
        if (urlRegex is null || !urlRegex.StartsWith('^') || !urlRegex.EndsWith("/.*", StringComparison.Ordinal))
        {
            return null;
        }

        var authority = Regex.Unescape(urlRegex[1..^3]);
        return Uri.TryCreate(authority + "/", UriKind.Absolute, out var root) ? root : null;
    }
}
