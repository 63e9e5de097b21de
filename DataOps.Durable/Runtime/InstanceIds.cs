namespace DataOps.Durable.Runtime;

/// <summary>Instance id rules: they become table keys, blob names and log scopes, so they are kept simple.</summary>
internal static class InstanceIds
{
    public const int MaxLength = 100;

    /// <summary>Throws when the id is empty, over 100 characters, or has a character other than letters, digits, - _ : . @.</summary>
    public static void Validate(string? instanceId, string parameterName = "instanceId")
    {
        if (string.IsNullOrEmpty(instanceId))
        {
            throw new ArgumentException("The instance id must not be empty.", parameterName);
        }

        if (instanceId.Length > MaxLength)
        {
            throw new ArgumentException($"The instance id is {instanceId.Length} characters long; at most {MaxLength} are allowed.", parameterName);
        }

        foreach (var c in instanceId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '@'))
            {
                var shown = char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
                throw new ArgumentException(
                    $"The instance id contains the illegal character {shown}; only letters, digits and - _ : . @ are allowed.", parameterName);
            }
        }
    }
}
