// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @title PreCheck: one eth_call that tries a whole batch of a sender's transactions
/// @notice Never deployed. The platform's sender puts this code at its own address in an eth_call state
/// override and calls that address, so every call below runs with the sender as msg.sender, in nonce
/// order, each on the state the ones before it left: as the sender's transactions will run once mined.
/// It replaces one eth_call per transaction with one per batch.
contract PreCheck {
    /// @notice Runs calls[i] on target with gasLimits[i] gas and reports whether it succeeded and what it
    /// returned or reverted with. Nothing it does outlives the eth_call.
    function check(address target, bytes[] calldata calls, uint256[] calldata gasLimits)
        external
        returns (bool[] memory ok, bytes[] memory results)
    {
        require(calls.length == gasLimits.length, "lengths differ");
        ok = new bool[](calls.length);
        results = new bytes[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (ok[i], results[i]) = target.call{gas: gasLimits[i]}(calls[i]);
        }
    }
}
