package io.cacheguard.it.junit5.project;

import io.cacheguard.junit5.CacheguardTest;

@CacheguardTest(requireAgent = false)
public class AgentOptionalCases extends CacheCases {
}
