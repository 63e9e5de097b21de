namespace DataOps.Functions.Validation;

/// <summary>
/// A quality check could not be run because Glean did not answer for a transient reason (429 or 5xx after the
/// adapter's retries, an open circuit, unreachable). It is never a verdict on the dataset: the activity fails and the
/// durable retry runs the check again later, so a Glean blip cannot turn a good dataset FAILED.
/// </summary>
internal sealed class QualityCheckUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public QualityCheckUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public QualityCheckUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public QualityCheckUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
