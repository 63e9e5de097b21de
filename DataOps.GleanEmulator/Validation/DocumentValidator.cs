using DataOps.GleanEmulator.Contracts;
using DataOps.GleanEmulator.State;

namespace DataOps.GleanEmulator.Validation;

/// <summary>Checks documents against the <c>DocumentDefinition</c> rules and the datasource's configuration.</summary>
internal static class DocumentValidator
{
    public const int MaxIdLength = 200;

    // Epoch seconds stay below this until the year 5138; a millisecond timestamp of today is far above it.
    private const long MaxEpochSeconds = 99_999_999_999;

    public static IReadOnlyList<string> Validate(IReadOnlyList<DocumentDefinition> documents, DatasourceState datasource)
    {
        var problems = new List<string>();
        var definedTypes = (datasource.Config.ObjectDefinitions ?? [])
            .Select(d => d.Name)
            .Where(n => n is not null)
            .ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var at = $"documents[{i}]";
            if (string.IsNullOrEmpty(document.Datasource))
            {
                problems.Add($"{at}.datasource is required");
            }
            else if (!string.Equals(document.Datasource, datasource.Name, StringComparison.Ordinal))
            {
                problems.Add($"{at}.datasource '{document.Datasource}' differs from the request's datasource '{datasource.Name}'");
            }

            if (string.IsNullOrEmpty(document.Id))
            {
                problems.Add($"{at}.id is required");
            }
            else if (document.Id.Length > MaxIdLength)
            {
                problems.Add($"{at}.id is {document.Id.Length} characters; at most {MaxIdLength} are allowed");
            }
            else if (!seen.Add(document.Id))
            {
                problems.Add($"{at}.id '{document.Id}' appears more than once in the request");
            }

            if (document.ObjectType is not null && !ObjectTypeRules.IsValid(document.ObjectType))
            {
                problems.Add($"{at}.objectType '{document.ObjectType}' must not contain spaces or underscores");
            }
            else if (document.ObjectType is not null && definedTypes.Count > 0 && !definedTypes.Contains(document.ObjectType))
            {
                problems.Add($"{at}.objectType '{document.ObjectType}' is not defined by the datasource (defined: {string.Join(", ", definedTypes)})");
            }

            if (string.IsNullOrEmpty(document.ViewUrl))
            {
                problems.Add($"{at}.viewURL is required");
            }
            else if (!datasource.UrlMatches(document.ViewUrl))
            {
                problems.Add($"{at}.viewURL '{document.ViewUrl}' does not match the datasource urlRegex '{datasource.Config.UrlRegex}'");
            }

            CheckEpoch(problems, $"{at}.createdAt", document.CreatedAt);
            CheckEpoch(problems, $"{at}.updatedAt", document.UpdatedAt);
        }

        return problems;
    }

    private static void CheckEpoch(List<string> problems, string field, long? value)
    {
        if (value is < 0 or > MaxEpochSeconds)
        {
            problems.Add($"{field} {value} is not a time in epoch seconds");
        }
    }
}
