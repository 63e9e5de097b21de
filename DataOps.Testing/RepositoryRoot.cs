namespace DataOps.Testing;

/// <summary>Locates the repository root (the folder holding <c>DataOps.sln</c>).</summary>
internal static class RepositoryRoot
{
    /// <summary>Walks up from the running assembly's folder to the first folder that contains DataOps.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DataOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find DataOps.sln above '{AppContext.BaseDirectory}'; run the tests from inside the repository.");
    }
}
