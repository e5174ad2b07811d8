// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title EIP-3009: transfer with authorization
/// @notice Lets a holder move tokens by signing an EIP-712 message that anyone (a relayer) submits, so the holder
/// never needs ether. Authorizations use random 32-byte nonces instead of a sequential counter, so several can be
/// outstanding at once and be submitted in any order. See https://eips.ethereum.org/EIPS/eip-3009.
/// @dev The inheriting contract supplies the EIP-712 domain (the same one as EIP-2612 permit). Transfers go through
/// ERC20._transfer, so every rule the token enforces in _update (pause, closed loop) applies to them as well.
abstract contract EIP3009 is ERC20, EIP712 {
    /// @notice The EIP-712 type hash of a TransferWithAuthorization message.
    bytes32 public constant TRANSFER_WITH_AUTHORIZATION_TYPEHASH = keccak256(
        "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
    );

    /// @notice The EIP-712 type hash of a ReceiveWithAuthorization message.
    bytes32 public constant RECEIVE_WITH_AUTHORIZATION_TYPEHASH = keccak256(
        "ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
    );

    /// @notice The EIP-712 type hash of a CancelAuthorization message.
    bytes32 public constant CANCEL_AUTHORIZATION_TYPEHASH =
        keccak256("CancelAuthorization(address authorizer,bytes32 nonce)");

    /// @dev authorizer => nonce => used or cancelled.
    mapping(address authorizer => mapping(bytes32 nonce => bool used)) private _authorizationStates;

    /// @notice Emitted when an authorization is executed.
    event AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce);

    /// @notice Emitted when an authorization is cancelled before it was used.
    event AuthorizationCanceled(address indexed authorizer, bytes32 indexed nonce);

    /// @notice The authorization is submitted at or before its validAfter time.
    error EIP3009AuthorizationNotYetValid(uint256 validAfter);

    /// @notice The authorization is submitted at or after its validBefore time.
    error EIP3009AuthorizationExpired(uint256 validBefore);

    /// @notice The nonce was already used or cancelled by this authorizer.
    error EIP3009AuthorizationUsedOrCanceled(address authorizer, bytes32 nonce);

    /// @notice The signature was made by `signer`, not by `expected`.
    error EIP3009InvalidSigner(address signer, address expected);

    /// @notice receiveWithAuthorization was called by someone other than the payee.
    error EIP3009CallerNotPayee(address caller, address payee);

    /// @notice Reports whether `authorizer` has used or cancelled `nonce`.
    /// @return True when the nonce can no longer be used.
    function authorizationState(address authorizer, bytes32 nonce) external view returns (bool) {
        return _authorizationStates[authorizer][nonce];
    }

    /// @notice Moves `value` from `from` to `to` on the strength of `from`'s signature; anyone may submit it.
    /// @param from Payer and signer.
    /// @param to Payee.
    /// @param value Amount in the token's smallest unit.
    /// @param validAfter Unix time after which the authorization is valid (exclusive).
    /// @param validBefore Unix time before which the authorization is valid (exclusive).
    /// @param nonce Unique random nonce chosen by the payer.
    function transferWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        _useAuthorization(TRANSFER_WITH_AUTHORIZATION_TYPEHASH, from, to, value, validAfter, validBefore, nonce, v, r, s);
        _transfer(from, to, value);
    }

    /// @notice Like transferWithAuthorization, but only the payee may submit it, which stops a front-runner from
    /// executing the authorization outside the payee's own contract call.
    /// @param from Payer and signer.
    /// @param to Payee; must be the caller.
    /// @param value Amount in the token's smallest unit.
    /// @param validAfter Unix time after which the authorization is valid (exclusive).
    /// @param validBefore Unix time before which the authorization is valid (exclusive).
    /// @param nonce Unique random nonce chosen by the payer.
    function receiveWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        if (to != _msgSender()) {
            revert EIP3009CallerNotPayee(_msgSender(), to);
        }
        _useAuthorization(RECEIVE_WITH_AUTHORIZATION_TYPEHASH, from, to, value, validAfter, validBefore, nonce, v, r, s);
        _transfer(from, to, value);
    }

    /// @notice Cancels an unused authorization, so it can never be executed; anyone may submit it.
    /// @param authorizer The signer of the authorization to cancel.
    /// @param nonce The nonce of the authorization to cancel.
    function cancelAuthorization(address authorizer, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) external {
        _requireUnusedAuthorization(authorizer, nonce);
        bytes32 structHash = keccak256(abi.encode(CANCEL_AUTHORIZATION_TYPEHASH, authorizer, nonce));
        _requireSigner(structHash, authorizer, v, r, s);
        _authorizationStates[authorizer][nonce] = true;
        emit AuthorizationCanceled(authorizer, nonce);
    }

    /// @dev Checks the validity window, the nonce and the signature, then marks the nonce used.
    function _useAuthorization(
        bytes32 typeHash,
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) private {
        if (block.timestamp <= validAfter) {
            revert EIP3009AuthorizationNotYetValid(validAfter);
        }
        if (block.timestamp >= validBefore) {
            revert EIP3009AuthorizationExpired(validBefore);
        }
        _requireUnusedAuthorization(from, nonce);
        bytes32 structHash = keccak256(abi.encode(typeHash, from, to, value, validAfter, validBefore, nonce));
        _requireSigner(structHash, from, v, r, s);
        _authorizationStates[from][nonce] = true;
        emit AuthorizationUsed(from, nonce);
    }

    function _requireUnusedAuthorization(address authorizer, bytes32 nonce) private view {
        if (_authorizationStates[authorizer][nonce]) {
            revert EIP3009AuthorizationUsedOrCanceled(authorizer, nonce);
        }
    }

    /// @dev ECDSA.recover rejects malleable (high-s) signatures and signatures that recover to the zero address.
    function _requireSigner(bytes32 structHash, address expected, uint8 v, bytes32 r, bytes32 s) private view {
        address signer = ECDSA.recover(_hashTypedDataV4(structHash), v, r, s);
        if (signer != expected) {
            revert EIP3009InvalidSigner(signer, expected);
        }
    }
}
