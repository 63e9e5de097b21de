using System.Text.RegularExpressions;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>Storage queue naming rules, checked at start-up so a bad name fails fast with the function named.</summary>
internal static partial class QueueNames
{
    public static void Validate(string functionName, string queueName)
    {
        // The poison queue adds "-poison" (7 characters), which must still fit in the 63 allowed.
        if (queueName.Length is < 3 or > 56 || !Pattern().IsMatch(queueName))
        {
            throw new FunctionIndexingException(
                $"Function '{functionName}': queue name '{queueName}' is invalid: use 3-56 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$")]
    private static partial Regex Pattern();
}
