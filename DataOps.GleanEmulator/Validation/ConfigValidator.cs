using System.Text.RegularExpressions;
using DataOps.GleanEmulator.Contracts;

namespace DataOps.GleanEmulator.Validation;

/// <summary>Checks a <c>CustomDatasourceConfig</c> the way Glean does; returns every problem found.</summary>
internal static partial class ConfigValidator
{
    private static readonly HashSet<string> Categories = new(StringComparer.Ordinal)
    {
        "UNCATEGORIZED", "TICKETS", "CRM", "PUBLISHED_CONTENT", "COLLABORATIVE_CONTENT", "QUESTION_ANSWER",
        "MESSAGING", "CODE_REPOSITORY", "CHANGE_MANAGEMENT", "PEOPLE", "EMAIL", "SSO", "ATS", "KNOWLEDGE_HUB",
        "EXTERNAL_SHORTCUT", "ENTITY", "CALENDAR", "AGENTS",
    };

    private static readonly HashSet<string> PropertyTypes = new(StringComparer.Ordinal)
    {
        "TEXT", "DATE", "INT", "USERID", "PICKLIST", "TEXTLIST", "MULTIPICKLIST",
    };

    public static IReadOnlyList<string> Validate(CustomDatasourceConfig config)
    {
        var problems = new List<string>();
        if (string.IsNullOrEmpty(config.Name))
        {
            problems.Add("name is required");
        }
        else if (!DatasourceName().IsMatch(config.Name))
        {
            problems.Add($"name '{config.Name}' must be 1-50 lower-case letters or digits");
        }

        if (config.DatasourceCategory is { } category && !Categories.Contains(category))
        {
            problems.Add($"datasourceCategory '{category}' is not a known category");
        }

        if (string.IsNullOrEmpty(config.UrlRegex))
        {
            if (config.DatasourceCategory != "ENTITY")
            {
                problems.Add("urlRegex is required unless datasourceCategory is ENTITY");
            }
        }
        else
        {
            try
            {
                _ = new Regex(config.UrlRegex, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                problems.Add($"urlRegex '{config.UrlRegex}' is not a valid regular expression");
            }
        }

        foreach (var (definition, index) in (config.ObjectDefinitions ?? []).Select((d, i) => (d, i)))
        {
            if (!ObjectTypeRules.IsValid(definition.Name))
            {
                problems.Add($"objectDefinitions[{index}].name '{definition.Name}' must be non-empty without spaces or underscores");
            }

            foreach (var (property, p) in (definition.PropertyDefinitions ?? []).Select((d, i) => (d, i)))
            {
                if (string.IsNullOrEmpty(property.Name))
                {
                    problems.Add($"objectDefinitions[{index}].propertyDefinitions[{p}].name is required");
                }

                if (property.PropertyType is { } type && !PropertyTypes.Contains(type))
                {
                    problems.Add($"objectDefinitions[{index}].propertyDefinitions[{p}].propertyType '{type}' is not one of {string.Join("|", PropertyTypes)}");
                }
            }
        }

        return problems;
    }

    [GeneratedRegex("^[a-z0-9]{1,50}$", RegexOptions.CultureInvariant)]
    private static partial Regex DatasourceName();
}
