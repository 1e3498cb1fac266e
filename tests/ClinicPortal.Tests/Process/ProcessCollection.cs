namespace ClinicPortal.Tests.Process;

/// <summary>
/// The tests that start the app as separate processes. They run alone, after the parallel
/// tests: each app process takes seconds of CPU to start, and on a small machine those tests
/// would slow the others down and be slowed by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "App processes";
}
