using System.Text.RegularExpressions;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>Resolves <c>%Setting%</c> placeholders in trigger attributes from configuration, as Azure Functions does.</summary>
internal static partial class SettingResolver
{
    public static string Resolve(string value, IConfiguration configuration, string functionName, string what) =>
        Placeholder().Replace(value, match =>
        {
            var key = match.Groups[1].Value;
            var resolved = configuration[key];
            if (string.IsNullOrWhiteSpace(resolved))
            {
                throw new FunctionIndexingException(
                    $"Function '{functionName}': the {what} refers to setting '%{key}%', which is not configured.");
            }

            return resolved;
        });

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Placeholder();
}
